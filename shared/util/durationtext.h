// A length of time worked, as people say it: "2 h 05 min", "45 min", "0 min"; and as hours with
// one decimal, "3.2 h", for thresholds. Unlike elapsedText it never rounds to coarser units: an
// hour worked is what a volunteer counts. Both UIs use it.
#pragma once

#include <QString>

namespace Muster {

QString durationText(qint64 seconds);
QString hoursText(double hours);

} // namespace Muster
