// A history record drawn for a narrow column: what happened, what changed (wrapped, up to three
// lines; the whole of it in the tooltip), then when and by whom, dimmed. A table would need four
// columns side by side and cut every one of them.
#pragma once

#include <QStyledItemDelegate>

namespace Muster {

class HistoryDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Lines
    {
        QString what;
        QString change;
        QString when;
    };
    static Lines linesOf(const QModelIndex &index);
    // The change's height in `width`: at most three lines.
    static int changeHeight(const QFontMetrics &metrics, const QString &change, int width);
    static int textWidth(const QStyleOptionViewItem &option);
};

} // namespace Muster
