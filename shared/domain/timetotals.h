// A person's time in one event: finished entries from the running totals, plus the ongoing
// entry up to now.
#pragma once

#include "timeentry.h"

#include <optional>

namespace Muster {

struct TimeTotals
{
    QUuid eventId;
    QUuid userId;
    qint64 workedSeconds = 0;
    qint64 earnedSeconds = 0;
    int entries = 0; // finished ones
    std::optional<TimeEntry> ongoing;

    // The wire form of timeclock.totals and timeclock.ownTotalsChanged.
    QJsonObject toJson() const;
    static TimeTotals fromJson(const QJsonObject &object);

    friend bool operator==(const TimeTotals &, const TimeTotals &) = default;
};

} // namespace Muster
