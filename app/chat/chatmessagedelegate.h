// Draws one message of a chat as people expect of a chat: the client's on the left, mine on the
// right in the accent colour, the server's lines ("Sam has joined the chat.") small in the
// middle; under each bubble its time, and for mine whether it is still sending, was refused, or
// has been seen. Bubbles wrap to most of the view's width and grow with their text.
#pragma once

#include <QStyledItemDelegate>

namespace Muster {

class ChatMessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The small line under a bubble: "14:02", "14:02 · Seen", "Sending…", "Not sent: …".
    static QString footerFor(const QModelIndex &index);

private:
    struct Geometry
    {
        QRect bubble; // relative to the row's top left
        QRect text;
        QRect footer;
        int height = 0;
    };
    static Geometry geometryFor(const QStyleOptionViewItem &option, const QModelIndex &index);
};

} // namespace Muster
