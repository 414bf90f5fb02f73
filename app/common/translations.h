// The desktop app's translations. English is one of them: the sources say "%n minute(s)" once and
// muster_en.ts gives "1 minute" and "5 minutes".
#pragma once

namespace Muster {

// Installs the translation for the system's language on the running application (English when
// there is none for it). Call once, after the application object exists.
void installTranslations();

} // namespace Muster
