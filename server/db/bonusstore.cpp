// See bonusstore.h.
#include "bonusstore.h"

#include "database.h"
#include "notificationstore.h"
#include "rowjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Muster {

namespace {

// The answer of muster_save_bonus and muster_delete_bonus.
Database::ResultHandler savedFrom(const BonusStore::SavedHandler &handler)
{
    return [handler](const PgResult &r) {
        if (!r.ok())
            return handler({}, StoreError::of(r));
        const QJsonObject answer = QJsonDocument::fromJson(r.bytes(0, 0)).object();
        BonusStore::Saved saved;
        saved.bonus = BonusStore::fromRow(answer.value(QStringLiteral("bonus")).toObject());
        for (const QJsonValue &n : answer.value(QStringLiteral("notifications")).toArray())
            saved.notices.append(NotificationStore::fromRow(n.toObject()));
        handler(saved, {});
    };
}

} // namespace

void BonusStore::list(
    const QUuid &org, const QUuid &eventId, QObject *context, BonusesHandler handler)
{
    m_db.transaction(
        {{"SELECT muster_fail('MU404', 'not_found', 'Event not found') WHERE $2::uuid IS NOT NULL"
          " AND NOT EXISTS (SELECT 1 FROM events x WHERE x.organisation_id = $1 AND x.id = $2)",
             PgParams() << org << eventId},
            {"SELECT muster_bonus_row(b) FROM time_bonuses b WHERE b.organisation_id = $1"
             " AND b.event_id = COALESCE($2::uuid, (SELECT active_event_id FROM organisations"
             "  WHERE id = $1))"
             " ORDER BY b.starts_at",
                PgParams() << org << eventId}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<Bonus> bonuses;
            bonuses.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row)
                bonuses.append(fromRow(QJsonDocument::fromJson(r.bytes(row, 0)).object()));
            handler(bonuses, {});
        });
}

void BonusStore::save(const Save &s, QObject *context, SavedHandler handler)
{
    PgParams params;
    params << s.organisationId << s.actor << s.bonusId << s.eventId;
    s.start ? params << *s.start : params << std::nullopt;
    s.end ? params << *s.end : params << std::nullopt;
    s.multiplier ? params << *s.multiplier : params << std::nullopt;
    s.teamIds ? params << *s.teamIds : params << std::nullopt;
    m_db.exec("SELECT muster_save_bonus($1, $2, $3, CASE WHEN $3::uuid IS NULL THEN"
              "  COALESCE($4::uuid, (SELECT active_event_id FROM organisations WHERE id = $1)) END,"
              " $5::timestamptz, $6::timestamptz, $7::numeric, $8::uuid[])",
        params, context, savedFrom(handler));
}

void BonusStore::remove(const QUuid &org, const QUuid &actor, const QUuid &bonusId,
    QObject *context, SavedHandler handler)
{
    m_db.exec("SELECT muster_delete_bonus($1, $2, $3)", PgParams() << org << actor << bonusId,
        context, savedFrom(handler));
}

Bonus BonusStore::fromRow(const QJsonObject &json)
{
    const RowJson row(json);
    Bonus b;
    b.id = row.uuid(u"id");
    b.eventId = row.uuid(u"event_id");
    b.start = row.time(u"starts_at");
    b.end = row.time(u"ends_at");
    b.multiplier = json.value(QStringLiteral("multiplier")).toDouble(1);
    for (const QJsonValue &team : json.value(QStringLiteral("team_ids")).toArray())
        b.teamIds.append(QUuid::fromString(team.toString()));
    return b;
}

} // namespace Muster
