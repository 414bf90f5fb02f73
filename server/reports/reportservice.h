// reports.get: one of ReportStore's reports for an event, as rows and, when asked, as CSV.
#pragma once

#include "db/eventstore.h"
#include "db/reportstore.h"

#include <QObject>

namespace Muster {

class Database;
class RpcCall;

class ReportService : public QObject
{
    Q_OBJECT
public:
    explicit ReportService(Database &db, QObject *parent = nullptr);

    void get(const RpcCall &call);

private:
    ReportStore m_reports;
    EventStore m_events;
};

} // namespace Muster
