#include "core/feedback/form_strings.hpp"

#define N_(s) s   // marks a msgid for xgettext; translated later through tr()

namespace indgang::feedback {

const std::vector<std::string>& default_form_strings() {
    static const std::vector<std::string> strings = {
        // TRANSLATORS: feedback form title, on Home and above each question.
        N_("Tell us how it went"),
        N_("Your answers are anonymous. Skip any question you like."),
        N_("Thank you for your answers."),
        N_("Rather not say"),
        // TRANSLATORS: the 1–5 scale of the paper form ("Meget lav grad" … "Meget høj grad").
        N_("Very low degree"), N_("Low degree"), N_("Some degree"), N_("High degree"),
        N_("Very high degree"),
        N_("Who did you talk with?"),
        N_("Jobcentre"), N_("Social centre"), N_("Benefits office"),
        N_("Substance-abuse outreach"), N_("Support and contact person"), N_("Someone else"),
        N_("Did you feel safe and at ease in the conversation?"),
        N_("Was the conversation about things that matter to you?"),
        N_("How much did it matter that the talk took place here?"),
        N_("Would you talk with them here again?"),
        N_("Is there anything else you want to tell us?"),
    };
    return strings;
}

}  // namespace indgang::feedback
