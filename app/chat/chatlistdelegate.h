// One chat in a consultant's lists, two lines: the client's alias, then their topic (or who has
// them, in a manager's list); on the right how long they have waited or been in the chat, and a
// count of unread messages. A client whose page is gone is said to be away.
#pragma once

#include <QStyledItemDelegate>

namespace Muster {

class ChatListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Shows { Waiting, Mine, Everyone };

    explicit ChatListDelegate(Shows shows, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "just now", "4 min", "1 h 12 min": how long since `from`.
    static QString durationSince(const QDateTime &from, const QDateTime &now);
    // The two lines and the right-hand note of a row, as drawn (and as tests read them).
    static QString secondLine(Shows shows, const QModelIndex &index);
    // Right of the second line: how long they have waited, or been in the chat.
    static QString timeNote(Shows shows, const QModelIndex &index, const QDateTime &now);
    // Right of the first line, in a manager's list: how long the client waited to be taken.
    static QString headNote(Shows shows, const QModelIndex &index);

private:
    Shows m_shows;
};

} // namespace Muster
