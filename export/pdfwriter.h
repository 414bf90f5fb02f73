// A report as a PDF (Qt's PDF writer): A4 landscape, the title and what it covers on top, the
// column titles again on every page, the totals row in bold at the end, and page numbers. Needs a
// QGuiApplication (fonts); muster-server makes one, offscreen, for this export alone.
#pragma once

#include "reportdocument.h"

#include <QString>

namespace Muster {

class PdfWriter
{
public:
    static bool write(const ReportDocument &document, const QString &path, QString *error);
};

} // namespace Muster
