// Paints one person on the board: avatar with an online dot, name, state with its colour,
// and how long they have been in it. Offline people are drawn muted.
#pragma once

#include <QHash>
#include <QImage>
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

private:
    mutable QHash<QString, QImage> m_avatars;
};

} // namespace Muster
