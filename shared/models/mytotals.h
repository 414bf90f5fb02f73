// A person's time in the active event, kept current: worked and earned time, finished shifts, and
// the shift under way. Given a connection it loads timeclock.totals and follows
// timeclock.ownTotalsChanged, timeclock.totalsChanged (bonus windows moved: ask again) and the
// person's timeclock.entryChanged (a clock-in starts the ongoing shift).
#pragma once

#include "client/timeclockclient.h"
#include "domain/timetotals.h"
#include "models/connectionfeed.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace Muster {

class MyTotals : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY changed)
    Q_PROPERTY(qint64 workedSeconds READ workedSeconds NOTIFY changed)
    Q_PROPERTY(qint64 earnedSeconds READ earnedSeconds NOTIFY changed)
    Q_PROPERTY(int entries READ entries NOTIFY changed)
    Q_PROPERTY(bool onShift READ onShift NOTIFY changed)
    Q_PROPERTY(QDateTime shiftStart READ shiftStart NOTIFY changed)
    Q_PROPERTY(QString shiftTeamId READ shiftTeamId NOTIFY changed)
    Q_PROPERTY(QString shiftTeamName READ shiftTeamName NOTIFY changed)
public:
    explicit MyTotals(QObject *parent = nullptr);

    void setConnection(Connection *connection);
    void setLoadOnSignIn(bool on) { m_feed.setLoadOnSignIn(on); }

    bool isLoaded() const { return m_loaded; }
    // As the server last counted them: the ongoing shift up to that moment.
    qint64 workedSeconds() const { return m_totals.workedSeconds; }
    qint64 earnedSeconds() const { return m_totals.earnedSeconds; }
    int entries() const { return m_totals.entries; }
    bool onShift() const { return m_totals.ongoing.has_value(); }
    QDateTime shiftStart() const;
    QString shiftTeamId() const;
    QString shiftTeamName() const;
    const TimeTotals &totals() const { return m_totals; }

    // Takes totals as the server answers them (timeclock.totals, clockOut's "totals").
    void reset(const TimeTotals &totals);

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void changed();
    void loadFailed(const QString &message);

private:
    void onPush(const QString &method, const QJsonObject &params);

    ConnectionFeed m_feed;
    std::unique_ptr<TimeclockClient> m_client;
    bool m_loaded = false;
    TimeTotals m_totals;
};

} // namespace Muster
