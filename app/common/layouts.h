// Small things the places do to their layouts.
#pragma once

class QLayout;

namespace Muster {

// Empties a layout whose rows are rebuilt from a model (rewards, notices, bonus windows): the
// widgets leave the window at once, so a search finds only the new rows, and are deleted once
// the event that rebuilt them is over (a button of an old row may be the one being clicked).
void clearLayout(QLayout *layout);

} // namespace Muster
