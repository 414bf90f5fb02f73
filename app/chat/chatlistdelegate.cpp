// See chatlistdelegate.h.
#include "chatlistdelegate.h"

#include "models/chatlistmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace Muster {

namespace {
constexpr int kPadding = 8;
}

ChatListDelegate::ChatListDelegate(Shows shows, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_shows(shows)
{ }

QString ChatListDelegate::durationSince(const QDateTime &from, const QDateTime &now)
{
    const qint64 minutes = from.isValid() ? std::max<qint64>(0, from.secsTo(now) / 60) : 0;
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString ChatListDelegate::secondLine(Shows shows, const QModelIndex &index)
{
    const QString topic = index.data(ChatListModel::TopicRole).toString();
    QString line = topic.isEmpty() ? tr("No topic given") : topic;
    if (shows == Shows::Everyone)
        line = tr("with %1").arg(index.data(ChatListModel::ConsultantNameRole).toString())
            + (topic.isEmpty() ? QString() : QStringLiteral(" · ") + topic);
    if (!index.data(ChatListModel::ClientOnlineRole).toBool())
        line = tr("Away (page closed)") + QStringLiteral(" · ") + line;
    return line;
}

QString ChatListDelegate::timeNote(Shows shows, const QModelIndex &index, const QDateTime &now)
{
    const QDateTime came = index.data(ChatListModel::CreatedAtRole).toDateTime();
    const QDateTime taken = index.data(ChatListModel::AcceptedAtRole).toDateTime();
    switch (shows) {
    case Shows::Waiting:
        return tr("waiting %1").arg(durationSince(came, now));
    case Shows::Mine:
        return durationSince(taken, now);
    case Shows::Everyone:
        return tr("in chat %1").arg(durationSince(taken, now));
    }
    return {};
}

QString ChatListDelegate::headNote(Shows shows, const QModelIndex &index)
{
    if (shows != Shows::Everyone)
        return {};
    const QDateTime came = index.data(ChatListModel::CreatedAtRole).toDateTime();
    const QDateTime taken = index.data(ChatListModel::AcceptedAtRole).toDateTime();
    return tr("waited %1").arg(durationSince(came, taken));
}

QSize ChatListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return {200, 2 * metrics.lineSpacing() + 2 * kPadding + 2};
}

void ChatListDelegate::paint(
    QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, p, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &palette = opt.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.7f);
    const QRect r = opt.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const QFontMetrics metrics(opt.font);
    const int line = metrics.lineSpacing();

    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    // Right: the unread badge, or how long.
    const int unread = m_shows == Shows::Mine ? index.data(ChatListModel::UnreadRole).toInt() : 0;
    int right = r.right();
    if (unread > 0) {
        QFont bold = opt.font;
        bold.setBold(true);
        const QString count = QString::number(unread);
        const int w = std::max(line, QFontMetrics(bold).horizontalAdvance(count) + line / 2 + 4);
        const QRect badge(right - w + 1, r.top(), w, line);
        p->setPen(Qt::NoPen);
        p->setBrush(selected ? palette.color(QPalette::HighlightedText)
                             : palette.color(QPalette::Highlight));
        p->drawRoundedRect(badge, line / 2.0, line / 2.0);
        p->setFont(bold);
        p->setPen(selected ? palette.color(QPalette::Highlight)
                           : palette.color(QPalette::HighlightedText));
        p->drawText(badge, Qt::AlignCenter, count);
        right = badge.left() - 6;
    }
    const QString head = headNote(m_shows, index);
    if (!head.isEmpty()) {
        p->setFont(opt.font);
        p->setPen(muted);
        const int w = metrics.horizontalAdvance(head);
        p->drawText(
            QRect(right - w + 1, r.top(), w, line), Qt::AlignRight | Qt::AlignVCenter, head);
        right -= w + 8;
    }
    const QString when = timeNote(m_shows, index, QDateTime::currentDateTimeUtc());
    p->setFont(opt.font);
    p->setPen(muted);
    const int whenWidth = metrics.horizontalAdvance(when);
    p->drawText(QRect(r.right() - whenWidth, r.top() + line, whenWidth, line),
        Qt::AlignRight | Qt::AlignVCenter, when);

    QFont name = opt.font;
    name.setBold(true);
    p->setFont(name);
    p->setPen(text);
    const QRect nameRect(r.left(), r.top(), right - r.left(), line);
    p->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(name).elidedText(
            index.data(ChatListModel::AliasRole).toString(), Qt::ElideRight, nameRect.width()));
    p->setFont(opt.font);
    p->setPen(muted);
    const QRect second(r.left(), r.top() + line, r.width() - whenWidth - 8, line);
    p->drawText(second, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(secondLine(m_shows, index), Qt::ElideRight, second.width()));
    p->restore();
}

} // namespace Muster
