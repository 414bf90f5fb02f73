// An event's bonus windows drawn on its days, a lane per team: where a team's time counts more,
// where windows of a team meet or leave a gap, seen at a glance rather than read line by line.
// Days as the event's time zone has them; a line at now while the event runs; hovering a window
// tells it exactly.
#pragma once

#include "domain/event.h"

#include <QList>
#include <QTimer>
#include <QUuid>
#include <QWidget>

namespace Muster {

class BonusListModel;
class TeamListModel;

class BonusTimeline : public QWidget
{
    Q_OBJECT
public:
    BonusTimeline(
        const BonusListModel &bonuses, const TeamListModel &teams, QWidget *parent = nullptr);

    void setEvent(const Event &event);

    // As drawn, for a test: the lanes' team names, top to bottom, and each window's bars.
    QStringList lanes() const;
    struct Bar
    {
        QRect rect;
        int bonusRow; // in the bonus list
        int lane;
    };
    QList<Bar> bars() const { return m_bars; }
    // What the tooltip of a bar says: "Kitchen: Fri 12 Feb, 09:00 – 13:00, 2×".
    QString describe(const Bar &bar) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void relayout();
    // The span drawn: the event's, widened to any window outside it.
    void span(QDateTime &from, QDateTime &to) const;
    int xOf(const QDateTime &moment) const;
    QRect plot() const; // where the lanes are, right of their names and under the days
    int laneHeight() const;

    const BonusListModel &m_bonuses;
    const TeamListModel &m_teams;
    Event m_event;
    QList<QUuid> m_laneTeams;
    QStringList m_laneNames;
    QList<Bar> m_bars;
    QDateTime m_from;
    QDateTime m_to;
    int m_nameWidth = 0;
    QTimer m_clock; // moves the line at now
};

} // namespace Muster
