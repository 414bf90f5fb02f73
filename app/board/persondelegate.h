// Paints one person on the board: avatar with an online dot, name, state with its colour,
// and how long they have been in it. Offline people are drawn muted.
#pragma once

#include <QStyledItemDelegate>

namespace Muster {

class AvatarCache;

class PersonDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    PersonDelegate(AvatarCache &avatars, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The card cuts a long message: hovering shows it whole, with the state and its end.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;
    static QString toolTipFor(const QModelIndex &index);
    // What follows the state: "In chat (2) · back at 3 · until 15:00".
    static QString noteFor(const QModelIndex &index);

private:
    AvatarCache &m_avatars;
};

} // namespace Muster
