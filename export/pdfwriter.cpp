// See pdfwriter.h. Columns share the page width in proportion to their longest text (numbers at
// least their title), capped so that one long cell cannot squeeze the others; text that still
// does not fit is elided.
#include "pdfwriter.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace Muster {

namespace {

QString cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Double: {
        const double v = value.toDouble();
        return v == std::floor(v) ? QLocale().toString(qlonglong(v))
                                  : QLocale().toString(v, 'f', 2);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QObject::tr("yes") : QObject::tr("no");
    case QJsonValue::String:
        return value.toString();
    default:
        return {};
    }
}

} // namespace

bool PdfWriter::write(const ReportDocument &document, const QString &path, QString *error)
{
    // Written to a buffer first, then saved whole: a half-written PDF is worse than none.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    {
        QPdfWriter pdf(&file);
        pdf.setTitle(document.title);
        pdf.setCreator(QStringLiteral("Muster"));
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
            QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        pdf.setResolution(144);
        QPainter painter;
        if (!painter.begin(&pdf)) {
            *error = QStringLiteral("cannot draw the PDF");
            return false;
        }
        const QRectF page = QRectF(painter.viewport());
        QFont body = painter.font();
        body.setFamily(QStringLiteral("DejaVu Sans"));
        body.setPointSizeF(9);
        QFont bold = body;
        bold.setBold(true);
        QFont title = body;
        title.setPointSizeF(16);
        title.setBold(true);
        const QFontMetricsF metrics(body, &pdf);
        const QFontMetricsF boldMetrics(bold, &pdf);
        const qreal lineHeight = metrics.height() * 1.5;
        const qreal pad = metrics.averageCharWidth();

        // Column widths from the widest text, capped at 40 characters' room.
        const Report &table = document.table;
        const qsizetype columns = table.columns.size();
        QList<qreal> wanted(columns, 0);
        const auto measure = [&](const QJsonArray &cells) {
            for (qsizetype c = 0; c < std::min(columns, cells.size()); ++c)
                wanted[c] = std::max(wanted[c],
                    std::min(metrics.horizontalAdvance(cellText(cells.at(c))),
                        metrics.averageCharWidth() * 40));
        };
        for (qsizetype c = 0; c < columns; ++c)
            wanted[c] = boldMetrics.horizontalAdvance(table.columns.at(c));
        for (const QJsonArray &cells : table.rows)
            measure(cells);
        measure(table.totals);
        qreal sum = 0;
        for (qreal &w : wanted) {
            w += 2 * pad;
            sum += w;
        }
        const qreal scale = sum > 0 ? page.width() / sum : 1;
        QList<qreal> left(columns, page.left());
        for (qsizetype c = 1; c < columns; ++c)
            left[c] = left[c - 1] + wanted[c - 1] * scale;

        int pageNumber = 1;
        qreal y = page.top();
        // A column of numbers is right-aligned, its title with it.
        QList<bool> numeric(columns, false);
        for (const QJsonArray &cells : table.rows) {
            for (qsizetype c = 0; c < std::min(columns, cells.size()); ++c)
                numeric[c] = numeric[c] || cells.at(c).isDouble();
        }
        const auto drawRow = [&](const QStringList &cells, const QFont &font) {
            painter.setFont(font);
            const QFontMetricsF m(font, &pdf);
            for (qsizetype c = 0; c < std::min(columns, cells.size()); ++c) {
                const QRectF cell(left[c] + pad, y, wanted[c] * scale - 2 * pad, lineHeight);
                const QString text = m.elidedText(cells.at(c), Qt::ElideRight, cell.width());
                painter.drawText(
                    cell, Qt::AlignVCenter | (numeric[c] ? Qt::AlignRight : Qt::AlignLeft), text);
            }
            y += lineHeight;
        };
        const auto drawHeader = [&] {
            drawRow(table.columns, bold);
            painter.drawLine(QPointF(page.left(), y), QPointF(page.right(), y));
        };
        const auto drawFooter = [&] {
            painter.setFont(body);
            painter.drawText(
                QRectF(page.left(), page.bottom() - lineHeight, page.width(), lineHeight),
                Qt::AlignRight | Qt::AlignVCenter,
                QObject::tr("%1 · page %2").arg(document.title).arg(pageNumber));
        };
        const auto toCells = [](const QJsonArray &values) {
            QStringList cells;
            for (const QJsonValue &v : values)
                cells.append(cellText(v));
            return cells;
        };

        painter.setFont(title);
        const qreal titleHeight = QFontMetricsF(title, &pdf).height() * 1.4;
        painter.drawText(QRectF(page.left(), y, page.width(), titleHeight),
            Qt::AlignLeft | Qt::AlignVCenter, document.title);
        y += titleHeight;
        painter.setFont(body);
        painter.drawText(QRectF(page.left(), y, page.width(), lineHeight),
            Qt::AlignLeft | Qt::AlignVCenter, document.subtitle);
        y += lineHeight * 1.5;
        drawHeader();
        const qreal bottom = page.bottom() - lineHeight * 2;
        for (const QJsonArray &cells : table.rows) {
            if (y + lineHeight > bottom) {
                drawFooter();
                pdf.newPage();
                ++pageNumber;
                y = page.top();
                drawHeader();
            }
            drawRow(toCells(cells), body);
        }
        if (table.rows.isEmpty())
            drawRow({QObject::tr("Nothing to report yet.")}, body);
        if (!table.totals.isEmpty()) {
            painter.drawLine(QPointF(page.left(), y), QPointF(page.right(), y));
            drawRow(toCells(table.totals), bold);
        }
        drawFooter();
        painter.end();
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace Muster
