// See autoaway.h.
#include "autoaway.h"

#include "client/connection.h"
#include "models/presencemodel.h"

namespace Muster {

namespace {
// Activity means input within the last poll or so; anything longer is still "away".
constexpr auto kActive = std::chrono::seconds(30);
} // namespace

AutoAway::AutoAway(Connection &connection, PresenceModel &model, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_board(&connection)
    , m_model(model)
{ }

void AutoAway::setThreshold(std::chrono::minutes threshold)
{
    m_threshold = threshold;
}

QString AutoAway::myId() const
{
    return m_connection.user().value(QStringLiteral("id")).toString();
}

QString AutoAway::awayStateId() const
{
    const StateListModel *states = m_model.states();
    QString fallback;
    for (int row = 0; row < states->rowCount(); ++row) {
        const QModelIndex i = states->index(row);
        if (i.data(StateListModel::AvailableRole).toBool())
            continue;
        if (i.data(StateListModel::LabelRole).toString().contains(u"away", Qt::CaseInsensitive))
            return i.data(StateListModel::IdRole).toString();
        fallback = i.data(StateListModel::IdRole).toString();
    }
    return fallback;
}

void AutoAway::observeIdle(std::chrono::milliseconds idle)
{
    if (m_pending || m_connection.state() != Connection::State::Ready)
        return;
    if (!isAway() && m_threshold.count() > 0 && idle >= m_threshold)
        goAway();
    else if (isAway() && idle < kActive)
        comeBack();
}

void AutoAway::goAway()
{
    const Person *me = m_model.person(myId());
    const StatusState *current = me ? m_model.states()->stateById(me->stateId) : nullptr;
    // Only someone who looks reachable is marked away: "In a meeting" stays "In a meeting".
    if (!current || !current->available)
        return;
    const QString away = awayStateId();
    if (away.isEmpty())
        return;
    m_previousStateId = me->stateId;
    m_previousMessage = me->message;
    m_previousUntil = me->until;
    m_pending = true;
    m_board.setState(away, QString())
        ->then(this, [this, away](const QJsonValue &, const RpcError &error) {
            m_pending = false;
            if (!error.isValid())
                m_awayStateId = away;
        });
}

void AutoAway::comeBack()
{
    const Person *me = m_model.person(myId());
    const QString setByUs = m_awayStateId;
    m_awayStateId.clear();
    // They chose something else while away (from a phone, the tray): that choice stands.
    if (!me || me->stateId != setByUs || m_previousStateId.isEmpty())
        return;
    const bool stillEnds
        = m_previousUntil.isValid() && m_previousUntil > QDateTime::currentDateTimeUtc();
    m_pending = true;
    m_board
        .setState(m_previousStateId, m_previousMessage, stillEnds ? m_previousUntil : QDateTime())
        ->then(this, [this](const QJsonValue &, const RpcError &) { m_pending = false; });
}

} // namespace Muster
