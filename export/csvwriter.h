// A report as CSV (RFC 4180, CRLF line ends, UTF-8). Text cells that a spreadsheet would run
// as a formula (=, +, -, @ first) get a leading apostrophe: names come from users.
#pragma once

#include "domain/report.h"

#include <QByteArray>
#include <QJsonArray>

namespace Muster {

class CsvWriter
{
public:
    static QByteArray write(const Report &report);
    static QByteArray row(const QJsonArray &cells);
};

} // namespace Muster
