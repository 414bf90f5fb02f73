// See reportservice.h.
#include "reportservice.h"

#include "csvwriter.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"

namespace Muster {

ReportService::ReportService(Database &db, QObject *parent)
    : QObject(parent)
    , m_reports(db)
    , m_events(db)
{ }

void ReportService::get(const RpcCall &call)
{
    const QJsonObject &json = call.params();
    ParamReader p(json);
    const QString type = p.requiredString(QStringLiteral("type"), 20);
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    ReportOptions options;
    if (json.contains(QStringLiteral("minHours")))
        options.minHours = p.requiredDecimal(QStringLiteral("minHours"), 0, 10000);
    options.from = p.optionalTime(QStringLiteral("from")).value_or(QDateTime());
    options.to = p.optionalTime(QStringLiteral("to")).value_or(QDateTime());
    options.logId = p.optionalUuid(QStringLiteral("logId"));
    const QString format = p.optionalString(QStringLiteral("format"), 10, QStringLiteral("rows"));
    if (!p.ok())
        return call.fail(p.error());
    if (!ReportStore::types().contains(type))
        return call.fail(
            RpcError::invalidParams(QStringLiteral("\"type\" must be one of: %1")
                                        .arg(ReportStore::types().join(QStringLiteral(", ")))));
    if (format != QLatin1String("rows") && format != QLatin1String("csv"))
        return call.fail(RpcError::invalidParams(QStringLiteral("\"format\" must be rows or csv")));

    const QUuid org = call.caller().organisationId;
    // An attendee log, when one is named, must be one of that event's.
    m_events.find(org, eventId, options.logId, this,
        [this, call, type, org, options, format](const Event &found, const StoreError &e) {
            if (e.kind == StoreError::NotFound)
                return call.fail(RpcError::notFound(options.logId.isNull()
                        ? QStringLiteral("Event")
                        : QStringLiteral("Event or attendee log")));
            if (e)
                return call.fail(e.toRpcError());
            m_reports.run(type, org, found.id, options, this,
                [call, type, event = found.toJson(), format](
                    const Report &report, const StoreError &e) {
                    if (e)
                        return call.fail(e.toRpcError());
                    QJsonObject result = report.toJson();
                    result.insert(QStringLiteral("type"), type);
                    result.insert(QStringLiteral("event"), event);
                    if (format == QLatin1String("csv"))
                        result.insert(
                            QStringLiteral("csv"), QString::fromUtf8(CsvWriter::write(report)));
                    call.reply(result);
                });
        });
}

} // namespace Muster
