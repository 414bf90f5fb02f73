// See historydelegate.h.
#include "historydelegate.h"

#include "models/historymodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace Muster {

namespace {

constexpr int kPadding = 6;
constexpr int kMaxChangeLines = 3;

} // namespace

HistoryDelegate::Lines HistoryDelegate::linesOf(const QModelIndex &index)
{
    const QModelIndex row = index.siblingAtColumn(HistoryModel::WhenColumn);
    return {row.data(HistoryModel::WhatRole).toString(),
        row.data(HistoryModel::ChangeRole).toString(),
        row.data().toString() + QStringLiteral(" · ")
            + row.data(HistoryModel::ActorRole).toString()};
}

int HistoryDelegate::textWidth(const QStyleOptionViewItem &option)
{
    // A list view asks for sizes with no width of its own: the viewport's is the row's.
    int width = option.rect.width();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        width = view->viewport()->width();
    return qMax(40, width - 2 * kPadding);
}

int HistoryDelegate::changeHeight(const QFontMetrics &metrics, const QString &change, int width)
{
    if (change.isEmpty())
        return 0;
    const QRect bounds = metrics.boundingRect(
        QRect(0, 0, width, metrics.lineSpacing() * 50), Qt::TextWordWrap, change);
    return qMin(bounds.height(), metrics.lineSpacing() * kMaxChangeLines);
}

QSize HistoryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Lines lines = linesOf(index);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics metrics(option.font);
    const int height = QFontMetrics(bold).lineSpacing() + metrics.lineSpacing()
        + changeHeight(metrics, lines.change, textWidth(option)) + 2 * kPadding;
    return {textWidth(option) + 2 * kPadding, height};
}

void HistoryDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background, selection and focus only: the lines are drawn below
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const Lines lines = linesOf(index);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    // Dimmed, yet readable on the selection's colour.
    QColor dim = selected ? text : palette.color(QPalette::PlaceholderText);
    if (selected)
        dim.setAlphaF(0.8f);

    painter->save();
    QRect area = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(option.font);

    painter->setFont(bold);
    painter->setPen(text);
    painter->drawText(QRect(area.left(), area.top(), area.width(), boldMetrics.lineSpacing()),
        Qt::AlignLeft | Qt::AlignVCenter,
        boldMetrics.elidedText(lines.what, Qt::ElideRight, area.width()));
    area.setTop(area.top() + boldMetrics.lineSpacing());

    painter->setFont(option.font);
    const int changeHeight = HistoryDelegate::changeHeight(metrics, lines.change, area.width());
    if (changeHeight > 0) {
        painter->drawText(QRect(area.left(), area.top(), area.width(), changeHeight),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, lines.change);
        area.setTop(area.top() + changeHeight);
    }

    painter->setPen(dim);
    painter->drawText(QRect(area.left(), area.top(), area.width(), metrics.lineSpacing()),
        Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(lines.when, Qt::ElideRight, area.width()));
    painter->restore();
}

} // namespace Muster
