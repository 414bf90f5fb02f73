// See demostore.h. Safe to run twice: what exists is kept (the people get new PINs).
#include "demostore.h"

#include "pgparams.h"
#include "pgsyncconnection.h"

#include <QCryptographicHash>
#include <QDate>
#include <QFile>
#include <QRandomGenerator>
#include <QTimeZone>

namespace Muster {

namespace {

struct DemoTeam
{
    const char *name;
    bool hidden;
};
constexpr DemoTeam kTeams[] = {
    {"Info desk", false},
    {"Stage crew", false},
    {"Kitchen", false},
    {"Security", true},
};

struct DemoReward
{
    const char *name;
    const char *description;
    const char *hours;
};
constexpr DemoReward kRewards[] = {
    {"T-shirt", "The volunteer shirt of this year's convention.", "4"},
    {"Meal voucher", "A hot meal at the food court.", "8"},
    {"Hoodie", "The volunteer hoodie, for the committed.", "16"},
};

} // namespace

bool DemoStore::exec(const QByteArray &sql, const PgParams &params)
{
    const PgResult r = m_db.exec(sql, params);
    if (!r.ok())
        m_error = r.errorMessage();
    return r.ok();
}

std::optional<QList<DemoStore::BadgeHolder>> DemoStore::seed(
    const QUuid &org, const PinHasher &hashPin)
{
    const auto rollback = [this] {
        m_db.exec("ROLLBACK");
        return std::nullopt;
    };
    if (!exec("BEGIN", {}))
        return std::nullopt;

    // An event around today, in this machine's time zone, active unless another one is.
    const QString eventName = QStringLiteral("Demo Con %1").arg(QDate::currentDate().year());
    QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    if (zone.isEmpty() || !QTimeZone(zone.toUtf8()).isValid())
        zone = QStringLiteral("UTC");
    if (!exec("INSERT INTO events (organisation_id, name, time_zone, starts_at, ends_at)"
              " VALUES ($1, $2, $3, now() - interval '1 day', now() + interval '3 days')"
              " ON CONFLICT (organisation_id, lower(name)) DO NOTHING",
            PgParams() << org << eventName << zone))
        return rollback();
    PgResult r
        = m_db.exec("SELECT id FROM events WHERE organisation_id = $1 AND lower(name) = lower($2)",
            PgParams() << org << eventName);
    if (!r.ok() || r.rows() != 1) {
        m_error = r.ok() ? QStringLiteral("the demo event was not written") : r.errorMessage();
        return rollback();
    }
    const QUuid event = r.uuid(0, 0);
    if (!exec("UPDATE organisations SET active_event_id = $2"
              " WHERE id = $1 AND active_event_id IS NULL",
            PgParams() << org << event))
        return rollback();

    for (const DemoTeam &t : kTeams) {
        if (!exec("INSERT INTO teams (organisation_id, name, hidden) VALUES ($1, $2, $3)"
                  " ON CONFLICT (organisation_id, lower(name)) DO NOTHING",
                PgParams() << org << QString::fromLatin1(t.name) << t.hidden))
            return rollback();
    }

    // The kitchen earns half again, from two hours ago until late tonight: the summary shows it.
    if (!exec(
            "WITH bonus AS ("
            "  INSERT INTO time_bonuses (organisation_id, event_id, starts_at, ends_at, multiplier)"
            "  SELECT $1, $2, now() - interval '2 hours', now() + interval '10 hours', 1.5"
            "  WHERE NOT EXISTS (SELECT 1 FROM time_bonuses WHERE organisation_id = $1"
            "                    AND event_id = $2)"
            "  RETURNING id)"
            " INSERT INTO time_bonus_teams (organisation_id, bonus_id, team_id)"
            " SELECT $1, bonus.id, teams.id FROM bonus, teams"
            " WHERE teams.organisation_id = $1 AND lower(teams.name) = 'kitchen'",
            PgParams() << org << event))
        return rollback();

    for (const DemoReward &rw : kRewards) {
        if (!exec("INSERT INTO rewards (organisation_id, event_id, name, description,"
                  " threshold_hours)"
                  " SELECT $1, $2, $3, $4, $5::numeric WHERE NOT EXISTS (SELECT 1 FROM rewards"
                  "  WHERE organisation_id = $1 AND event_id = $2 AND lower(name) = lower($3))",
                PgParams() << org << event << QString::fromLatin1(rw.name)
                           << QString::fromLatin1(rw.description) << QString::fromLatin1(rw.hours)))
            return rollback();
    }

    // Everyone who may use the time clock gets a badge (if they have none) and a new PIN.
    // (Not the crowd made below: nobody signs in as them.)
    r = m_db.exec("SELECT id, login, badge FROM users WHERE organisation_id = $1"
                  " AND role NOT IN ('banned', 'attendee') AND login !~ '^crowd[0-9]+-'"
                  " ORDER BY login",
        PgParams() << org);
    if (!r.ok()) {
        m_error = r.errorMessage();
        return rollback();
    }
    int nextBadge = 1001;
    QList<BadgeHolder> people;
    for (int row = 0; row < r.rows(); ++row) {
        BadgeHolder p {r.text(row, 1), r.text(row, 2), QString()};
        if (p.badge.isEmpty()) {
            // The next number nobody in the organisation holds.
            for (;; ++nextBadge) {
                const PgResult taken
                    = m_db.exec("SELECT 1 FROM users WHERE organisation_id = $1 AND badge = $2",
                        PgParams() << org << QString::number(nextBadge));
                if (!taken.ok()) {
                    m_error = taken.errorMessage();
                    return rollback();
                }
                if (taken.rows() == 0)
                    break;
            }
            p.badge = QString::number(nextBadge++);
        }
        p.pin = QString::number(1000 + QRandomGenerator::system()->bounded(9000));
        if (!exec("UPDATE users SET badge = $3, pin_hash = $4"
                  " WHERE organisation_id = $1 AND id = $2",
                PgParams() << org << r.uuid(row, 0) << p.badge
                           << QString::fromUtf8(hashPin(p.pin))))
            return rollback();
        people.append(p);
    }
    // A convention's crowd (no one signs in as them: they make the Volunteers table, Shifts and
    // the reports worth looking at), once per organisation.
    const QByteArray crowdHash = hashPin(QString::number(QRandomGenerator::system()->generate64()));
    if (!exec("INSERT INTO users (organisation_id, login, display_name, password_hash, role, badge,"
              " home_team_id, state_id)"
              " SELECT $1::uuid, 'crowd' || n || '-' || left(replace($1::text, '-', ''), 12),"
              "  (ARRAY['Ana','Ben','Chloé','Dev','Emma','Femi','Gus','Hana','Ivo','Jin','Kai',"
              "   'Lena','Mo','Noor','Otto','Pia','Quinn','Rosa','Sami','Tomás'])[n % 20 + 1]"
              "  || ' ' || (ARRAY['Abbott','Becker','Costa','Dubois','Eriksen','Fischer','García',"
              "   'Horvat','Ivanova','Jansen','Kowalski','Laine','Moreau','Novak','Okafor',"
              "   'Petrov','Rossi','Schmidt','Tanaka','Weber'])[n / 20 % 20 + 1],"
              "  $2, 'volunteer', (2000 + n)::text,"
              "  (SELECT id FROM teams t WHERE t.organisation_id = $1 AND NOT t.hidden"
              "   AND NOT t.archived ORDER BY t.name OFFSET n % 3 LIMIT 1),"
              "  (SELECT id FROM states WHERE organisation_id = $1 AND is_default)"
              " FROM generate_series(1, 150) n"
              " WHERE NOT EXISTS (SELECT 1 FROM users WHERE organisation_id = $1"
              "  AND login ~ '^crowd[0-9]+-')",
            PgParams() << org << QString::fromUtf8(crowdHash)))
        return rollback();
    // Yesterday's shifts for most of them and for the demo people, and a dozen of the crowd on
    // shift now (in the shift state, as a clock-in leaves them); only where none exist yet.
    if (!exec("INSERT INTO time_entries (organisation_id, event_id, user_id, team_id, start_at,"
              " stop_at, source)"
              " SELECT $1, $2, u.id, COALESCE(u.home_team_id, (SELECT id FROM teams t"
              "   WHERE t.organisation_id = $1 AND NOT t.hidden ORDER BY t.name LIMIT 1)),"
              "  now() - interval '22 hours' + (b % 5) * interval '1 hour',"
              "  now() - interval '22 hours' + (b % 5) * interval '1 hour'"
              "   + (2 + b % 5) * interval '1 hour' + (b % 4) * interval '15 minutes', 'kiosk'"
              " FROM users u, LATERAL (SELECT COALESCE(NULLIF(u.badge, '')::int, 0) AS b) x"
              " WHERE u.organisation_id = $1 AND u.role IN ('volunteer', 'staff', 'lead')"
              "  AND b % 4 <> 3"
              "  AND NOT EXISTS (SELECT 1 FROM time_entries e WHERE e.organisation_id = $1"
              "   AND e.event_id = $2 AND e.user_id = u.id)",
            PgParams() << org << event))
        return rollback();
    if (!exec(
            "WITH crowd AS (SELECT u.id, u.home_team_id, u.badge::int AS b FROM users u"
            "  WHERE u.organisation_id = $1 AND u.login ~ '^crowd[0-9]+-' AND u.badge::int % 12 = 5"
            "  AND NOT EXISTS (SELECT 1 FROM time_entries e WHERE e.organisation_id = $1"
            "   AND e.user_id = u.id AND e.stop_at IS NULL)),"
            " started AS (INSERT INTO time_entries (organisation_id, event_id, user_id, team_id,"
            "  start_at, source, previous_state_id)"
            "  SELECT $1, $2, c.id, c.home_team_id,"
            "   now() - (15 + c.b % 150) * interval '1 minute', 'kiosk',"
            "   (SELECT id FROM states WHERE organisation_id = $1 AND is_default)"
            "  FROM crowd c RETURNING user_id)"
            " UPDATE users SET state_id = (SELECT id FROM states WHERE organisation_id = $1"
            "  AND is_shift), state_since = now()"
            " WHERE organisation_id = $1 AND id IN (SELECT user_id FROM started)",
            PgParams() << org << event))
        return rollback();
    // Two of the crowd forgot to clock out yesterday; the day boundary stopped their shifts and
    // they have said when they really stopped: Shifts opens on two requests to decide.
    if (!exec("WITH forgot AS (UPDATE time_entries e SET stop_at = e.start_at + interval '1 hour',"
              "  auto_stopped = true FROM users u"
              "  WHERE u.id = e.user_id AND e.organisation_id = $1 AND e.event_id = $2"
              "  AND u.login ~ '^crowd[0-9]+-' AND u.badge IN ('2001', '2002')"
              "  AND e.stop_at IS NOT NULL AND NOT e.auto_stopped"
              "  AND NOT EXISTS (SELECT 1 FROM stop_corrections c WHERE c.organisation_id = $1)"
              "  RETURNING e.*, u.badge)"
              " SELECT muster_request_correction($1, f.user_id, f.id,"
              "  f.start_at + CASE f.badge WHEN '2001' THEN interval '4 hours 30 minutes'"
              "   ELSE interval '2 hours 15 minutes' END,"
              "  CASE f.badge WHEN '2001' THEN 'Stayed to pack up the stage after the last panel'"
              "   ELSE '' END)"
              " FROM forgot f",
            PgParams() << org << event))
        return rollback();
    if (!exec("SELECT muster_audit($1, NULL, 'organisation.demo', 'organisation', $1, NULL,"
              " jsonb_build_object('event', $2::text))",
            PgParams() << org << eventName))
        return rollback();
    if (!exec("COMMIT", {}))
        return std::nullopt;
    return people;
}

std::optional<QString> DemoStore::seedChat(const QUuid &org, const QString &newKey)
{
    m_error.clear();
    const PgResult r = m_db.exec(
        "WITH s AS (INSERT INTO chat_settings (organisation_id, public_key, texts)"
        "  VALUES ($1, $2, jsonb_build_object('title', 'Talk to the demo help line'))"
        "  ON CONFLICT (organisation_id) DO UPDATE SET updated_at = chat_settings.updated_at"
        "  RETURNING public_key),"
        " canned AS (INSERT INTO chat_canned_replies (organisation_id, title, body, sort_order)"
        "  SELECT $1, t.title, t.body, t.n FROM (VALUES"
        "   (1, 'Welcome', 'Hello, thank you for writing. I am here to listen; take your time.'),"
        "   (2, 'Still there?', 'Are you still there? Write whenever you are ready.'),"
        "   (3, 'Emergency', 'If you are in danger right now, please call your local emergency"
        " number.')) AS t(n, title, body)"
        "  WHERE NOT EXISTS (SELECT 1 FROM chat_canned_replies WHERE organisation_id = $1)),"
        " duty AS (INSERT INTO chat_duty (organisation_id, user_id, chat_name)"
        "  SELECT $1, id, split_part(display_name, ' ', 1) FROM users"
        "  WHERE organisation_id = $1 AND role IN ('staff', 'lead', 'manager', 'admin')"
        "  ON CONFLICT DO NOTHING)"
        " SELECT public_key FROM s",
        PgParams() << org << newKey);
    if (!r.ok() || r.rows() != 1) {
        m_error = r.ok() ? QStringLiteral("no chat settings") : r.errorMessage();
        return std::nullopt;
    }
    // A logo, unless the organisation has one of its own by now.
    QFile logoFile(QStringLiteral(":/demo/anteroom-logo.png"));
    if (!logoFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("the demo logo is missing from the build");
        return std::nullopt;
    }
    const QByteArray logo = logoFile.readAll();
    PgParams logoParams;
    logoParams << org;
    logoParams.addBytes(logo);
    logoParams << QString::fromLatin1(
        QCryptographicHash::hash(logo, QCryptographicHash::Sha256).toHex());
    if (!exec("WITH l AS (INSERT INTO chat_logos (organisation_id, content_type, data)"
              "  SELECT organisation_id, 'image/png', $2 FROM chat_settings"
              "  WHERE organisation_id = $1 AND logo_sha256 IS NULL"
              "  ON CONFLICT (organisation_id) DO UPDATE SET content_type = 'image/png', data = $2"
              "  RETURNING organisation_id)"
              " UPDATE chat_settings SET logo_sha256 = $3 FROM l"
              " WHERE chat_settings.organisation_id = l.organisation_id",
            logoParams))
        return std::nullopt;
    return r.text(0, 0);
}

} // namespace Muster
