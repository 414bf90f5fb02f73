// See reportmodel.h.
#include "reportmodel.h"

#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace Muster {

namespace {

constexpr auto kRefreshDelay = std::chrono::seconds(2);

} // namespace

ReportModel::ReportModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelay);
    connect(&m_refresh, &QTimer::timeout, this, &ReportModel::reload);
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &ReportModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &ReportModel::loadFailed);
    connect(
        &m_feed, &ConnectionFeed::pushed, this, [this](const QString &method, const QJsonObject &) {
            if (method == QLatin1String("timeclock.entryChanged")
                || method == QLatin1String("timeclock.totalsChanged")
                || method == QLatin1String("rewards.changed")
                || method == QLatin1String("events.changed")) {
                if (!m_refresh.isActive())
                    m_refresh.start();
            }
        });
}

int ReportModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_report.rows.size() + (m_report.totals.isEmpty() ? 0 : 1));
}

int ReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.columns.size());
}

QVariant ReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool totals = index.row() == m_report.rows.size();
    const QJsonArray &cells = totals ? m_report.totals : m_report.rows.at(index.row());
    const QJsonValue value = cells.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (value.isDouble()) {
            const double v = value.toDouble();
            return v == std::floor(v) ? QLocale().toString(qlonglong(v))
                                      : QLocale().toString(v, 'f', 2);
        }
        if (value.isBool())
            return value.toBool() ? tr("yes") : tr("no");
        return value.toString();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::AlignVCenter | (value.isDouble() ? Qt::AlignRight : Qt::AlignLeft));
    case ValueRole:
        return value.toVariant();
    case IsTotalsRole:
        return totals;
    case IsNumberRole:
        return value.isDouble();
    default:
        return {};
    }
}

QVariant ReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= m_report.columns.size())
        return {};
    return m_report.columns.at(section);
}

QHash<int, QByteArray> ReportModel::roleNames() const
{
    return {
        {Qt::DisplayRole, "display"},
        {ValueRole, "value"},
        {IsTotalsRole, "isTotals"},
        {IsNumberRole, "isNumber"},
    };
}

void ReportModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<ReportsClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void ReportModel::show(const QString &type, const QString &eventId, double minHours)
{
    m_type = type;
    m_eventId = eventId;
    m_minHours = minHours;
    reload();
}

void ReportModel::reload()
{
    if (!m_client || !m_feed.isReady() || m_type.isEmpty())
        return;
    const QString type = m_type;
    m_feed.load(
        m_client->get(m_type, m_eventId, m_minHours), [this, type](const QJsonValue &result) {
            reset(type, Event::fromJson(result[QStringLiteral("event")].toObject()),
                Report::fromJson(result.toObject()));
        });
}

void ReportModel::clear()
{
    m_feed.forget();
    reset(m_type, {}, {});
    m_loaded = false;
}

void ReportModel::reset(const QString &type, const Event &event, const Report &report)
{
    beginResetModel();
    m_type = type;
    m_event = event;
    m_report = report;
    m_loaded = true;
    endResetModel();
    Q_EMIT loaded();
}

} // namespace Muster
