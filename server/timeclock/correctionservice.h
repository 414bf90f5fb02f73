// corrections.request, corrections.list, corrections.approve and corrections.refuse: a shift the
// day boundary stopped, put right. The person says when they really stopped; a manager (never
// the person themself) approves it, and the entry, the totals and any reward follow as after any
// edit, or refuses it with a reason. Every request and decision is pushed as corrections.changed
// to the managers and to the person, who also gets a notice of the decision.
#pragma once

#include "db/correctionstore.h"

#include <QObject>

namespace Muster {

class NotificationService;
class PushRelay;
class RpcCall;
class TimeclockService;

class CorrectionService : public QObject
{
    Q_OBJECT
public:
    CorrectionService(Database &db, PushRelay &relay, TimeclockService &entries,
        NotificationService &notifications, QObject *parent = nullptr);

    void request(const RpcCall &call);
    void list(const RpcCall &call);
    void approve(const RpcCall &call);
    void refuse(const RpcCall &call);

private:
    void decide(const RpcCall &call, bool approve);
    void publish(const QUuid &organisationId, const StopCorrection &correction);

    CorrectionStore m_store;
    PushRelay &m_relay;
    TimeclockService &m_entries;
    NotificationService &m_notifications;
};

} // namespace Muster
