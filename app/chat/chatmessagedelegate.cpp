// See chatmessagedelegate.h.
#include "chatmessagedelegate.h"

#include "models/chatmessagemodel.h"
#include "util/clocktext.h"

#include <QAbstractItemView>
#include <QPainter>

namespace Muster {

namespace {

constexpr int kMargin = 10; // between the view's edge and a bubble
constexpr int kPadding = 8; // inside a bubble
constexpr int kGap = 6; // between messages
constexpr double kWidthShare = 0.72; // of the view a bubble may take

enum class Side { Client, Mine, Server };

Side sideOf(const QModelIndex &index)
{
    const QString sender = index.data(ChatMessageModel::SenderRole).toString();
    if (sender == QLatin1String("client"))
        return Side::Client;
    if (sender == QLatin1String("consultant"))
        return Side::Mine;
    return Side::Server;
}

int viewWidth(const QStyleOptionViewItem &option)
{
    // A list view asks for sizes with no width of its own: the viewport's is the row's.
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

} // namespace

QString ChatMessageDelegate::footerFor(const QModelIndex &index)
{
    const QString error = index.data(ChatMessageModel::ErrorRole).toString();
    if (!error.isEmpty())
        return tr("Not sent: %1").arg(error);
    if (index.data(ChatMessageModel::PendingRole).toBool())
        return tr("Sending…");
    QString footer = clockText(index.data(ChatMessageModel::CreatedAtRole).toDateTime());
    if (sideOf(index) == Side::Mine && index.data(ChatMessageModel::ReadByClientRole).toBool())
        footer += QStringLiteral(" · ") + tr("Seen");
    return footer;
}

ChatMessageDelegate::Geometry ChatMessageDelegate::geometryFor(
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const int width = std::max(120, viewWidth(option));
    const QString text = index.data(ChatMessageModel::TextRole).toString();
    const Side side = sideOf(index);
    Geometry g;
    if (side == Side::Server) {
        const QFontMetrics metrics(smallFont(option.font));
        const QRect bounds = metrics.boundingRect(
            QRect(0, 0, width - 4 * kMargin, 10000), Qt::TextWordWrap | Qt::AlignHCenter, text);
        g.text = QRect((width - bounds.width()) / 2, kGap, bounds.width(), bounds.height());
        g.height = g.text.bottom() + 1 + kGap;
        return g;
    }
    const QFontMetrics metrics(option.font);
    const int maxText = int(width * kWidthShare) - 2 * kPadding;
    const QRect bounds = metrics.boundingRect(QRect(0, 0, maxText, 100000), Qt::TextWordWrap, text);
    const QFontMetrics small(smallFont(option.font));
    const int footerWidth = small.horizontalAdvance(footerFor(index));
    const int bubbleWidth = std::max(bounds.width(), 24) + 2 * kPadding;
    const int left = side == Side::Client ? kMargin : width - kMargin - bubbleWidth;
    g.bubble = QRect(left, kGap / 2, bubbleWidth, bounds.height() + 2 * kPadding);
    g.text = g.bubble.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const int footerLeft
        = side == Side::Client ? g.bubble.left() + 2 : g.bubble.right() - 2 - footerWidth;
    g.footer = QRect(footerLeft, g.bubble.bottom() + 3, footerWidth, small.height());
    g.height = g.footer.bottom() + 1 + kGap / 2;
    return g;
}

QSize ChatMessageDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return {viewWidth(option), geometryFor(option, index).height};
}

void ChatMessageDelegate::paint(
    QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Geometry g = geometryFor(option, index);
    const QString text = index.data(ChatMessageModel::TextRole).toString();
    const QPalette &palette = option.palette;
    const Side side = sideOf(index);
    p->save();
    p->translate(option.rect.topLeft());
    p->setRenderHint(QPainter::Antialiasing);
    if (side == Side::Server) {
        QFont italic = smallFont(option.font);
        italic.setItalic(true);
        p->setFont(italic);
        p->setPen(palette.color(QPalette::PlaceholderText));
        p->drawText(g.text, Qt::TextWordWrap | Qt::AlignHCenter, text);
        p->restore();
        return;
    }
    const bool mine = side == Side::Mine;
    QColor fill
        = mine ? palette.color(QPalette::Highlight) : palette.color(QPalette::AlternateBase);
    if (!mine && fill == palette.color(QPalette::Base))
        fill = palette.color(QPalette::Button);
    const bool failed = !index.data(ChatMessageModel::ErrorRole).toString().isEmpty();
    if (index.data(ChatMessageModel::PendingRole).toBool() || failed)
        fill.setAlphaF(0.55f);
    p->setPen(mine ? Qt::NoPen : QPen(palette.color(QPalette::Mid), 0.5));
    p->setBrush(fill);
    p->drawRoundedRect(QRectF(g.bubble).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);
    p->setFont(option.font);
    p->setPen(palette.color(mine ? QPalette::HighlightedText : QPalette::Text));
    p->drawText(g.text, Qt::TextWordWrap, text);
    p->setFont(smallFont(option.font));
    p->setPen(failed ? QColor(0xc0, 0x1c, 0x28) : palette.color(QPalette::PlaceholderText));
    p->drawText(g.footer, Qt::AlignLeft | Qt::AlignVCenter, footerFor(index));
    p->restore();
}

} // namespace Muster
