// See spreadsheetwriter.h. libxlsxwriter writes to a file name; the workbook goes to a temporary
// file beside the target and is renamed over it only once complete.
#include "spreadsheetwriter.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryFile>

#include <algorithm>
#include <xlsxwriter.h>

namespace Muster {

namespace {

// A sheet name may not hold []:*?/\ and has at most 31 characters.
QByteArray sheetName(const QString &title)
{
    QString name = title;
    for (const QChar bad : {u'[', u']', u':', u'*', u'?', u'/', u'\\'})
        name.replace(bad, u' ');
    name = name.trimmed().left(31);
    return (name.isEmpty() ? QStringLiteral("Report") : name).toUtf8();
}

void writeCell(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t column, const QJsonValue &value,
    lxw_format *format)
{
    switch (value.type()) {
    case QJsonValue::Double:
        worksheet_write_number(sheet, row, column, value.toDouble(), format);
        break;
    case QJsonValue::Bool:
        worksheet_write_boolean(sheet, row, column, value.toBool(), format);
        break;
    case QJsonValue::String:
        // Written as a string cell: a name starting with "=" is never run as a formula.
        worksheet_write_string(sheet, row, column, value.toString().toUtf8().constData(), format);
        break;
    default:
        worksheet_write_blank(sheet, row, column, format);
        break;
    }
}

} // namespace

bool SpreadsheetWriter::write(const ReportDocument &document, const QString &path, QString *error)
{
    const QFileInfo target(path);
    QTemporaryFile temporary(target.absolutePath() + QStringLiteral("/.muster-XXXXXX.xlsx"));
    if (!temporary.open()) {
        *error = temporary.errorString();
        return false;
    }
    temporary.close();
    const QByteArray temporaryPath = QFile::encodeName(temporary.fileName());

    lxw_workbook *workbook = workbook_new(temporaryPath.constData());
    if (!workbook) {
        *error = QStringLiteral("cannot create the workbook");
        return false;
    }
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, sheetName(document.title).constData());
    lxw_format *titleFormat = workbook_add_format(workbook);
    format_set_bold(titleFormat);
    format_set_font_size(titleFormat, 14);
    lxw_format *headerFormat = workbook_add_format(workbook);
    format_set_bold(headerFormat);
    format_set_bottom(headerFormat, LXW_BORDER_THIN);
    lxw_format *totalsFormat = workbook_add_format(workbook);
    format_set_bold(totalsFormat);
    format_set_top(totalsFormat, LXW_BORDER_THIN);

    const Report &table = document.table;
    worksheet_write_string(sheet, 0, 0, document.title.toUtf8().constData(), titleFormat);
    worksheet_write_string(sheet, 1, 0, document.subtitle.toUtf8().constData(), nullptr);
    constexpr lxw_row_t headerRow = 3;
    QList<int> widths;
    for (qsizetype c = 0; c < table.columns.size(); ++c) {
        worksheet_write_string(
            sheet, headerRow, lxw_col_t(c), table.columns.at(c).toUtf8().constData(), headerFormat);
        widths.append(int(table.columns.at(c).size()));
    }
    lxw_row_t row = headerRow + 1;
    const auto writeRow = [&](const QJsonArray &cells, lxw_format *format) {
        for (qsizetype c = 0; c < cells.size(); ++c) {
            writeCell(sheet, row, lxw_col_t(c), cells.at(c), format);
            if (c < widths.size())
                widths[c] = std::max(
                    widths[c], int(cells.at(c).isString() ? cells.at(c).toString().size() : 10));
        }
        ++row;
    };
    for (const QJsonArray &cells : table.rows)
        writeRow(cells, nullptr);
    if (!table.totals.isEmpty())
        writeRow(table.totals, totalsFormat);
    for (qsizetype c = 0; c < widths.size(); ++c)
        worksheet_set_column(
            sheet, lxw_col_t(c), lxw_col_t(c), std::min(widths[c] + 2, 60), nullptr);
    worksheet_freeze_panes(sheet, headerRow + 1, 0);

    const lxw_error closed = workbook_close(workbook);
    if (closed != LXW_NO_ERROR) {
        *error = QString::fromUtf8(lxw_strerror(closed));
        return false;
    }
    QFile::remove(path);
    if (!QFile::rename(temporary.fileName(), path)) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    temporary.setAutoRemove(false);
    // An export is a document to share, not a secret: the usual permissions, not a temp file's.
    QFile::setPermissions(path,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther);
    return true;
}

} // namespace Muster
