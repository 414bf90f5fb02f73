// reports.get: one of ReportQuery's reports for an event, as rows and, when asked, as CSV.
#pragma once

#include "db/eventstore.h"
#include "db/jsonquery.h"

#include <QObject>

namespace Muster {

class RpcCall;

class ReportService : public QObject
{
    Q_OBJECT
public:
    explicit ReportService(Database &db, QObject *parent = nullptr);

    void get(const RpcCall &call);

private:
    JsonQuery m_query;
    EventStore m_events;
};

} // namespace Muster
