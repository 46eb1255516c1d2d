// The default form's texts, marked for scripts/extract-pot.sh (which reads C++ sources, not the
// JSON form), so translators see them in every catalog. A test checks this list covers the form.
#pragma once

#include <string>
#include <vector>

namespace indgang::feedback {

const std::vector<std::string>& default_form_strings();

}  // namespace indgang::feedback
