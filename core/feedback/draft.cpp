#include "core/feedback/draft.hpp"

#include <algorithm>

namespace indgang::feedback {

std::string check_draft(const Form& form, const Draft& draft) {
    for (const auto& [key, value] : draft.answers) {
        const Question* q = form.find(key);
        if (!q) return "no question \"" + key + "\" in form " + form.id;
        if (q->kind == QuestionKind::Text) return "question \"" + key + "\" takes free text, not an answer";
        const auto keys = form.answer_keys(*q);
        if (std::find(keys.begin(), keys.end(), value) == keys.end())
            return "\"" + value + "\" is not an answer to question \"" + key + "\"";
    }
    return {};
}

}  // namespace indgang::feedback
