// See persondelegate.h. Sizes derive from the font, so the board scales with the desktop.
#include "persondelegate.h"

#include "avatarcache.h"
#include "models/presencemodel.h"
#include "util/clocktext.h"
#include "util/elapsedtext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace Muster {

PersonDelegate::PersonDelegate(AvatarCache &avatars, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_avatars(avatars)
{ }

QSize PersonDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {line * 16, line * 3 + 8};
}

void PersonDelegate::paint(
    QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, p, widget);

    // Highlighted people (a manager's choice; leads by default) get a tinted card and a stripe.
    QColor highlight(index.data(PresenceModel::HighlightRole).toString());
    if (!highlight.isValid()
        && index.data(PresenceModel::RoleRole).toString() == QStringLiteral("lead"))
        highlight = QColor(0xf5, 0xa6, 0x23);
    if (highlight.isValid() && !(option.state & QStyle::State_Selected)) {
        QColor tint = highlight;
        tint.setAlphaF(0.14f);
        p->fillRect(option.rect, tint);
        p->fillRect(
            QRect(option.rect.left(), option.rect.top(), 4, option.rect.height()), highlight);
    }

    const bool online = index.data(PresenceModel::OnlineRole).toBool();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    // Softer for the less important lines, but not on the selection's colour, where a faded
    // line is hard to read.
    QColor muted = text;
    muted.setAlphaF(selected ? 0.9f : 0.6f);

    const QRect r = option.rect.adjusted(8, 4, -8, -4);
    const int line = option.fontMetrics.height();
    const int badge = r.height();

    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    if (!online)
        p->setOpacity(0.55);

    const QRect badgeRect(r.left(), r.top(), badge, badge);
    const qreal ratio = widget ? widget->devicePixelRatioF() : 1.0;
    p->drawImage(badgeRect,
        m_avatars.avatar(index.data(PresenceModel::UserIdRole).toString(),
            index.data(PresenceModel::AvatarRole).toString(), badge, ratio));

    // Online dot on the badge's rim.
    const int dot = std::max(8, badge / 4);
    const QRect dotRect(badgeRect.right() - dot + 2, badgeRect.bottom() - dot + 2, dot, dot);
    p->setPen(QPen(pal.color(QPalette::Base), 2));
    p->setBrush(online ? QColor(0x2e, 0xb8, 0x5c) : pal.color(QPalette::Mid));
    p->drawEllipse(dotRect);

    // Time since, right-aligned.
    const QString since = elapsedText(index.data(PresenceModel::SinceRole).toDateTime());
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    p->setFont(small);
    p->setPen(muted);
    const int sinceWidth = QFontMetrics(small).horizontalAdvance(since) + 4;
    const QRect sinceRect(r.right() - sinceWidth, r.top(), sinceWidth, line + 4);
    p->drawText(sinceRect, Qt::AlignRight | Qt::AlignVCenter, since);

    // Name.
    const int textLeft = badgeRect.right() + line;
    QFont nameFont = option.font;
    nameFont.setBold(true);
    p->setFont(nameFont);
    p->setPen(text);
    const QRect nameRect(textLeft, r.top(), sinceRect.left() - textLeft - 4, line + 4);
    p->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(nameFont).elidedText(index.data(PresenceModel::DisplayNameRole).toString(),
            Qt::ElideRight, nameRect.width()));

    // State: a coloured pill with the label.
    const QColor stateColor(index.data(PresenceModel::StateColorRole).toString());
    const QString label = index.data(PresenceModel::StateLabelRole).toString();
    p->setFont(option.font);
    const QFontMetrics fm(option.font);
    const int pillHeight = line + 4;
    const int pillWidth = fm.horizontalAdvance(label) + line + 12;
    const QRect pill(textLeft, r.bottom() - pillHeight, pillWidth, pillHeight);
    QColor fill = stateColor.isValid() ? stateColor : QColor(Qt::gray);
    fill.setAlphaF(0.18f);
    p->setPen(Qt::NoPen);
    // On the selection a light pill, so that a state of the selection's own colour stays seen.
    p->setBrush(selected ? QColor(255, 255, 255, 220) : fill);
    p->drawRoundedRect(pill, pillHeight / 2.0, pillHeight / 2.0);
    p->setBrush(stateColor.isValid() ? stateColor : QColor(Qt::gray));
    const int sdot = line / 2;
    p->drawEllipse(QRect(pill.left() + 8, pill.center().y() - sdot / 2, sdot, sdot));
    p->setPen(selected ? QColor(Qt::black) : text);
    p->drawText(pill.adjusted(8 + sdot + 6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, label);

    // Chats in progress, status text and when the state ends, after the pill.
    const QString note = noteFor(index);
    if (!note.isEmpty()) {
        QFont italic = option.font;
        italic.setItalic(true);
        p->setFont(italic);
        p->setPen(muted);
        const QRect noteRect(
            pill.right() + 8, pill.top(), r.right() - pill.right() - 8, pill.height());
        p->drawText(noteRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(italic).elidedText(note, Qt::ElideRight, noteRect.width()));
    }
    p->restore();
}

QString PersonDelegate::noteFor(const QModelIndex &index)
{
    QStringList parts;
    const int chats = index.data(PresenceModel::ChatsRole).toInt();
    if (chats > 0)
        parts << tr("In chat (%1)").arg(chats);
    const QString message = index.data(PresenceModel::MessageRole).toString();
    if (!message.isEmpty())
        parts << message;
    const QDateTime until = index.data(PresenceModel::UntilRole).toDateTime();
    if (until.isValid())
        parts << tr("until %1").arg(clockText(until.toLocalTime()));
    return parts.join(QStringLiteral(" · "));
}

QString PersonDelegate::toolTipFor(const QModelIndex &index)
{
    QString tip = index.data(PresenceModel::DisplayNameRole).toString() + QStringLiteral(" — ")
        + index.data(PresenceModel::StateLabelRole).toString();
    const QDateTime until = index.data(PresenceModel::UntilRole).toDateTime();
    if (until.isValid())
        tip += u' ' + tr("until %1").arg(clockText(until.toLocalTime()));
    const QString message = index.data(PresenceModel::MessageRole).toString();
    if (!message.isEmpty())
        tip += u'\n' + message;
    return tip;
}

bool PersonDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QToolTip::showText(
        event->globalPos(), toolTipFor(index), view->viewport(), view->visualRect(index));
    return true;
}

} // namespace Muster
