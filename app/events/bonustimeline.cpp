// See bonustimeline.h.
#include "bonustimeline.h"

#include "common/zonedtime.h"
#include "models/bonuslistmodel.h"
#include "models/teamlistmodel.h"
#include "util/clocktext.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace Muster {

namespace {

constexpr int kGap = 6; // between names and lanes, and around the drawing

} // namespace

BonusTimeline::BonusTimeline(
    const BonusListModel &bonuses, const TeamListModel &teams, QWidget *parent)
    : QWidget(parent)
    , m_bonuses(bonuses)
    , m_teams(teams)
{
    setObjectName(QStringLiteral("bonusTimeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(true);
    m_clock.setInterval(std::chrono::minutes(1));
    connect(&m_clock, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_clock.start();
    for (const QAbstractItemModel *model :
        std::initializer_list<const QAbstractItemModel *> {&m_bonuses, &m_teams}) {
        connect(model, &QAbstractItemModel::modelReset, this, &BonusTimeline::relayout);
        connect(model, &QAbstractItemModel::rowsInserted, this, &BonusTimeline::relayout);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &BonusTimeline::relayout);
        connect(model, &QAbstractItemModel::dataChanged, this, &BonusTimeline::relayout);
    }
}

void BonusTimeline::setEvent(const Event &event)
{
    m_event = event;
    relayout();
}

QStringList BonusTimeline::lanes() const
{
    return m_laneNames;
}

int BonusTimeline::laneHeight() const
{
    return fontMetrics().height() + 10;
}

QSize BonusTimeline::sizeHint() const
{
    const int height = fontMetrics().height() + kGap // the days
        + int(m_laneTeams.size()) * laneHeight() + 2 * kGap;
    return {fontMetrics().averageCharWidth() * 80, height};
}

QSize BonusTimeline::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 40, sizeHint().height()};
}

QRect BonusTimeline::plot() const
{
    const int top = kGap + fontMetrics().height() + kGap;
    return QRect(kGap + m_nameWidth + kGap, top, width() - m_nameWidth - 3 * kGap,
        int(m_laneTeams.size()) * laneHeight());
}

void BonusTimeline::span(QDateTime &from, QDateTime &to) const
{
    from = m_event.start;
    to = m_event.end;
    for (int row = 0; row < m_bonuses.rowCount(); ++row) {
        const Bonus *b = m_bonuses.bonusAt(row);
        if (!from.isValid() || b->start < from)
            from = b->start;
        if (!to.isValid() || b->end > to)
            to = b->end;
    }
}

int BonusTimeline::xOf(const QDateTime &moment) const
{
    const QRect area = plot();
    const qint64 whole = m_from.secsTo(m_to);
    if (whole <= 0)
        return area.left();
    return area.left() + int(double(m_from.secsTo(moment)) / double(whole) * area.width());
}

void BonusTimeline::relayout()
{
    // Lanes in the teams' own order, for the teams some window names.
    m_laneTeams.clear();
    m_laneNames.clear();
    QList<QUuid> named;
    for (int row = 0; row < m_bonuses.rowCount(); ++row)
        named += m_bonuses.bonusAt(row)->teamIds;
    for (int row = 0; row < m_teams.rowCount(); ++row) {
        const QUuid id(m_teams.idAt(row));
        if (named.contains(id)) {
            m_laneTeams.append(id);
            m_laneNames.append(m_teams.nameAt(row));
        }
    }
    m_nameWidth = 0;
    for (const QString &name : std::as_const(m_laneNames))
        m_nameWidth = qMax(m_nameWidth, fontMetrics().horizontalAdvance(name));
    // A few pixels more than measured: eliding rounds the other way, and would cut "General".
    m_nameWidth = qMin(m_nameWidth + 4, width() / 4);
    span(m_from, m_to);

    m_bars.clear();
    const QRect area = plot();
    for (int row = 0; row < m_bonuses.rowCount(); ++row) {
        const Bonus *b = m_bonuses.bonusAt(row);
        for (const QUuid &team : b->teamIds) {
            const int lane = int(m_laneTeams.indexOf(team));
            if (lane < 0)
                continue; // a team this organisation no longer lists
            const int left = xOf(b->start);
            const int right = qMax(left + 3, xOf(b->end)); // a short window stays visible
            m_bars.append(
                {QRect(left, area.top() + lane * laneHeight() + 2, right - left, laneHeight() - 4),
                    row, lane});
        }
    }
    updateGeometry();
    update();
}

QString BonusTimeline::describe(const Bar &bar) const
{
    const Bonus *b = m_bonuses.bonusAt(bar.bonusRow);
    if (!b || bar.lane < 0 || bar.lane >= m_laneNames.size())
        return {};
    const QTimeZone zone = zoneOf(m_event.timeZone);
    const QDateTime from = b->start.toTimeZone(zone);
    const QDateTime to = b->end.toTimeZone(zone);
    return tr("%1: %2 – %3, %4×")
        .arg(m_laneNames.at(bar.lane), dayTimeText(from),
            to.date() == from.date() ? clockText(to) : dayTimeText(to),
            QLocale().toString(b->multiplier, 'g', 3));
}

void BonusTimeline::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

bool BonusTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        QStringList lines;
        for (const Bar &bar : std::as_const(m_bars)) {
            if (bar.rect.adjusted(-2, 0, 2, 0).contains(help->pos()))
                lines.append(describe(bar));
        }
        if (lines.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), lines.join(u'\n'), this);
        return true;
    }
    return QWidget::event(event);
}

void BonusTimeline::paintEvent(QPaintEvent *)
{
    if (m_laneTeams.isEmpty() || !m_from.isValid() || m_from >= m_to)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QRect area = plot();
    const QFontMetrics metrics = fontMetrics();

    // Lanes, striped like the rows of a table, with their teams' names.
    for (int lane = 0; lane < m_laneTeams.size(); ++lane) {
        const QRect band(area.left(), area.top() + lane * laneHeight(), area.width(), laneHeight());
        painter.fillRect(band, pal.color(lane % 2 ? QPalette::AlternateBase : QPalette::Base));
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QRect(kGap, band.top(), m_nameWidth, band.height()),
            Qt::AlignRight | Qt::AlignVCenter,
            metrics.elidedText(m_laneNames.at(lane), Qt::ElideRight, m_nameWidth));
    }

    // Days as the event's zone has them: a line at each midnight, the day's name over it.
    const QTimeZone zone = zoneOf(m_event.timeZone);
    QColor rule = pal.color(QPalette::WindowText);
    rule.setAlphaF(0.25f);
    QDate day = m_from.toTimeZone(zone).date();
    const QDate last = m_to.toTimeZone(zone).date();
    for (; day <= last; day = day.addDays(1)) {
        const QDateTime midnight = QDateTime(day, QTime(0, 0), zone);
        const QDateTime next = QDateTime(day.addDays(1), QTime(0, 0), zone);
        const int left = qMax(area.left(), xOf(midnight));
        const int right = qMin(area.right(), xOf(next));
        if (midnight > m_from) {
            painter.setPen(rule);
            painter.drawLine(left, area.top() - kGap, left, area.bottom());
        }
        const QString name = QLocale().toString(day, QStringLiteral("ddd d"));
        if (right - left > metrics.horizontalAdvance(name) + 4) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(
                QRect(left, kGap, right - left, metrics.height()), Qt::AlignCenter, name);
        }
    }

    // The windows: the more a window multiplies, the stronger its colour.
    double most = 1;
    for (int row = 0; row < m_bonuses.rowCount(); ++row)
        most = qMax(most, m_bonuses.bonusAt(row)->multiplier);
    for (const Bar &bar : std::as_const(m_bars)) {
        const Bonus *b = m_bonuses.bonusAt(bar.bonusRow);
        QColor fill = pal.color(QPalette::Highlight);
        fill.setAlphaF(float(most > 1 ? 0.45 + 0.55 * (b->multiplier - 1) / (most - 1) : 1.0));
        painter.setPen(pal.color(QPalette::Highlight).darker(130));
        painter.setBrush(fill);
        painter.drawRoundedRect(QRectF(bar.rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        const QString label = QLocale().toString(b->multiplier, 'g', 3) + u'×';
        if (bar.rect.width() > metrics.horizontalAdvance(label) + 4) {
            painter.setPen(pal.color(QPalette::HighlightedText));
            painter.drawText(bar.rect, Qt::AlignCenter, label);
        }
    }

    // Now, while the event runs.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (now > m_from && now < m_to) {
        const int x = xOf(now);
        painter.setPen(QPen(QColor(0xd0, 0x30, 0x30), 2));
        painter.drawLine(x, area.top() - kGap, x, area.bottom());
    }
}

} // namespace Muster
