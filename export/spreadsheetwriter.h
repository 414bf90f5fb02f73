// A report as an XLSX workbook (through libxlsxwriter): one sheet with the title, the column
// titles frozen at the top, numbers as numbers (hours sum in the spreadsheet), and the totals row
// in bold. Opens cleanly in LibreOffice and Excel.
#pragma once

#include "reportdocument.h"

#include <QString>

namespace Muster {

class SpreadsheetWriter
{
public:
    // Writes the workbook to `path` whole, or leaves nothing there; false and a reason otherwise.
    static bool write(const ReportDocument &document, const QString &path, QString *error);
};

} // namespace Muster
