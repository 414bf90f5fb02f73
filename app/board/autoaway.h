// Auto-away: after a chosen idle time, someone who is in an "available" state is set to the
// organisation's away state; on their return the state they had (with its message) comes back —
// unless they chose another state meanwhile, which is never overridden.
#pragma once

#include "client/boardclient.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <chrono>

namespace Muster {

class Connection;
class PresenceModel;

class AutoAway : public QObject
{
    Q_OBJECT
public:
    AutoAway(Connection &connection, PresenceModel &model, QObject *parent = nullptr);

    // Zero turns auto-away off.
    void setThreshold(std::chrono::minutes threshold);
    std::chrono::minutes threshold() const { return m_threshold; }
    bool isAway() const { return !m_awayStateId.isEmpty(); }

    // Fed by IdleMonitor::idleTime (and by tests).
    void observeIdle(std::chrono::milliseconds idle);

    // The state auto-away uses: a state that is not "available" and is called away, else the last
    // state that is not available; "" when the organisation has none.
    QString awayStateId() const;

private:
    void goAway();
    void comeBack();
    QString myId() const;

    Connection &m_connection;
    BoardClient m_board;
    PresenceModel &m_model;
    std::chrono::minutes m_threshold {0};
    // While away: the state set by us, and what to restore.
    QString m_awayStateId;
    QString m_previousStateId;
    QString m_previousMessage;
    QDateTime m_previousUntil;
    bool m_pending = false; // a presence.set of ours is on its way
};

} // namespace Muster
