// Paints one person on the board: initials badge with an online dot, name, state with its colour,
// and how long they have been in it. Offline people are drawn muted.
#pragma once

#include <QStyledItemDelegate>

namespace Muster {

class PersonDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Muster
