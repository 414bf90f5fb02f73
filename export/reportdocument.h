// A report ready to leave Muster as a file: its table and the lines that say what it is ("Hours",
// "Spring Con 2027 · times in Europe/Berlin · made Fri 4 Dec 2026, 17:20"). Every writer takes one.
#pragma once

#include "domain/event.h"
#include "domain/report.h"

#include <QString>

namespace Muster {

struct ReportDocument
{
    QString title;
    QString subtitle;
    Report table;

    // A report of reports.get's type ("hours", "teams", …) for the event, made now.
    static ReportDocument of(const QString &type, const Event &event, const Report &table);
    // "Hours", "Teams", "Automatic stops", …
    static QString titleOf(const QString &type);
};

} // namespace Muster
