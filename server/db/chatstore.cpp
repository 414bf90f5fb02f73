// See chatstore.h.
#include "chatstore.h"

#include "database.h"
#include "protocol/wireid.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Muster {

namespace {

// A chat as the server reads it; the position counts the connected waiting clients ahead, so it
// is right even where the row itself is new in the statement (the insert of a join).
const QByteArray kChatColumns
    = "c.id, c.status, c.alias, c.topic, c.answers, c.team_id, c.consultant_id,"
      " COALESCE(c.consultant_name, ''), COALESCE(c.transfer_note, ''),"
      " c.client_connection IS NOT NULL, c.last_seq, c.client_read_seq, c.consultant_read_seq,"
      " floor(extract(epoch FROM c.created_at) * 1000)::bigint,"
      " floor(extract(epoch FROM c.accepted_at) * 1000)::bigint,"
      " floor(extract(epoch FROM c.closed_at) * 1000)::bigint, COALESCE(c.closed_by, ''),"
      " CASE WHEN c.status = 'waiting' AND c.client_connection IS NOT NULL THEN 1 + ("
      "  SELECT count(*) FROM chats q WHERE q.organisation_id = c.organisation_id"
      "  AND q.status = 'waiting' AND q.client_connection IS NOT NULL"
      "  AND (q.created_at, q.id) < (c.created_at, c.id)) ELSE 0 END,"
      " c.organisation_id,"
      // The client's messages the consultant has not read: neither their own nor system lines.
      " (SELECT count(*) FROM chat_messages u WHERE u.chat_id = c.id AND u.sender = 'client'"
      "  AND u.seq > c.consultant_read_seq)";
constexpr int kChatColumnCount = 20;

const QByteArray kMessageColumns
    = "m.chat_id, m.seq, m.sender, m.sender_name, m.body, COALESCE(m.client_msg_id, ''),"
      " floor(extract(epoch FROM m.created_at) * 1000)::bigint";

// Writes a line of the system into chat $1 when `condition` holds for its row: the change both
// sides read in its history. $2 is the text, where %1 stands for the consultant's chat name.
QByteArray noticeSql(const QByteArray &condition = "true")
{
    return "WITH b AS (UPDATE chats SET last_seq = last_seq + 1 WHERE id = $1 AND " + condition
        + "  RETURNING id, last_seq, consultant_name),"
          " m AS (INSERT INTO chat_messages (chat_id, seq, sender, body)"
          "  SELECT b.id, b.last_seq, 'system', replace($2, '%1', COALESCE(b.consultant_name, ''))"
          "  FROM b RETURNING *)"
          " SELECT "
        + kMessageColumns + " FROM m";
}

// The notice a change wrote, or none (seq 0) when the change was no change.
ChatMessage noticeOf(const PgResult &r)
{
    return r.rows() > 0 ? ChatStore::messageAt(r, 0) : ChatMessage {};
}

const QByteArray kSettingsRow
    = "SELECT to_jsonb(s) FROM chat_settings s WHERE s.organisation_id = $1";

ChatSettings settingsFromRow(const QByteArray &json)
{
    const QJsonObject row = QJsonDocument::fromJson(json).object();
    ChatSettings s;
    s.publicKey = row.value(QStringLiteral("public_key")).toString();
    s.enabled = row.value(QStringLiteral("enabled")).toBool(true);
    for (const QJsonValue &o : row.value(QStringLiteral("allowed_origins")).toArray())
        s.allowedOrigins.append(o.toString());
    s.texts = row.value(QStringLiteral("texts")).toObject();
    s.questions = row.value(QStringLiteral("questions")).toArray();
    s.theme = row.value(QStringLiteral("theme")).toObject();
    s.quickExitUrl = row.value(QStringLiteral("quick_exit_url")).toString();
    s.timeZone = row.value(QStringLiteral("time_zone")).toString();
    s.openingHours = row.value(QStringLiteral("opening_hours")).toArray();
    s.retentionDays = row.value(QStringLiteral("retention_days")).toInt();
    s.maxChatsPerConsultant = row.value(QStringLiteral("max_chats_per_consultant")).toInt();
    s.maxWaiting = row.value(QStringLiteral("max_waiting")).toInt();
    s.logo = row.value(QStringLiteral("logo_sha256")).toString();
    return s;
}

QByteArray compact(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

// The party's side, as chat_messages.sender names it.
QString sideOf(const ChatStore::Party &party)
{
    return party.isClient() ? QStringLiteral("client") : QStringLiteral("consultant");
}

// Parameters $1..$4 of every statement a party runs: organisation, chat, the client's own chat
// (or null), the staff member (or null), whether they manage.
PgParams partyParams(const ChatStore::Party &party, const QUuid &chatId)
{
    return PgParams() << party.organisationId << chatId << party.chatId << party.userId
                      << party.manager;
}

// Which chats a party reaches, over the parameters of partyParams: a client their own; staff a
// waiting client (to read the intake), their own chats, and a manager any.
const QByteArray kReachable
    = "c.organisation_id = $1 AND c.id = $2 AND CASE WHEN $3::uuid IS NOT NULL THEN c.id = $3"
      " ELSE (c.status = 'waiting' OR c.consultant_id = $4 OR $5) END";

} // namespace

Chat ChatStore::chatAt(const PgResult &r, int row, int col)
{
    Chat c;
    c.id = r.uuid(row, col);
    c.status = Chat::statusFromName(r.text(row, col + 1)).value_or(Chat::Status::Closed);
    c.alias = r.text(row, col + 2);
    c.topic = r.text(row, col + 3);
    c.answers = QJsonDocument::fromJson(r.bytes(row, col + 4)).array();
    c.teamId = r.uuid(row, col + 5);
    c.consultantId = r.uuid(row, col + 6);
    c.consultantName = r.text(row, col + 7);
    c.transferNote = r.text(row, col + 8);
    c.clientOnline = r.toBool(row, col + 9);
    c.lastSeq = r.toInt(row, col + 10);
    c.clientReadSeq = r.toInt(row, col + 11);
    c.consultantReadSeq = r.toInt(row, col + 12);
    c.createdAt = r.timestamp(row, col + 13);
    c.acceptedAt = r.timestamp(row, col + 14);
    c.closedAt = r.timestamp(row, col + 15);
    c.closedBy = r.text(row, col + 16);
    c.position = int(r.toInt(row, col + 17));
    c.organisationId = r.uuid(row, col + 18);
    c.unread = int(r.toInt(row, col + 19));
    return c;
}

ChatMessage ChatStore::messageAt(const PgResult &r, int row, int col)
{
    ChatMessage m;
    m.chatId = r.uuid(row, col);
    m.seq = r.toInt(row, col + 1);
    m.sender = r.text(row, col + 2);
    m.senderName = r.text(row, col + 3);
    m.text = r.text(row, col + 4);
    m.clientMsgId = r.text(row, col + 5);
    m.createdAt = r.timestamp(row, col + 6);
    return m;
}

void ChatStore::settings(
    const QUuid &org, const QString &newKey, QObject *context, Handler<ChatSettings> handler)
{
    m_db.transaction({{"INSERT INTO chat_settings (organisation_id, public_key) VALUES ($1, $2)"
                       " ON CONFLICT (organisation_id) DO NOTHING",
                          PgParams() << org << newKey},
                         {kSettingsRow, PgParams() << org}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Organisation")));
            handler(settingsFromRow(r.bytes(0, 0)), {});
        });
}

void ChatStore::saveSettings(const QUuid &org, const QUuid &actor, const ChatSettings &s,
    QObject *context, Handler<ChatSettings> handler)
{
    const QByteArray newJson = QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact);
    m_db.exec(
        "WITH old AS (SELECT * FROM chat_settings WHERE organisation_id = $1 FOR UPDATE),"
        " s AS (UPDATE chat_settings SET enabled = $2,"
        "  allowed_origins = ARRAY(SELECT jsonb_array_elements_text($3::jsonb)),"
        "  texts = $4::jsonb, questions = $5::jsonb, theme = $6::jsonb,"
        "  quick_exit_url = $7, time_zone = $8, opening_hours = $9::jsonb,"
        "  retention_days = $10, max_chats_per_consultant = $11, max_waiting = $12,"
        "  updated_at = now() FROM old WHERE chat_settings.organisation_id = old.organisation_id"
        "  RETURNING chat_settings.*)"
        " SELECT to_jsonb(s) FROM s, old CROSS JOIN LATERAL muster_audit($1, $13::uuid,"
        "  'chat.settings', 'organisation', $1, to_jsonb(old) - 'updated_at', $14::jsonb)",
        PgParams() << org << s.enabled
                   << QString::fromUtf8(compact(QJsonArray::fromStringList(s.allowedOrigins)))
                   << QString::fromUtf8(compact(s.texts)) << QString::fromUtf8(compact(s.questions))
                   << QString::fromUtf8(compact(s.theme)) << s.quickExitUrl << s.timeZone
                   << QString::fromUtf8(compact(s.openingHours)) << s.retentionDays
                   << s.maxChatsPerConsultant << s.maxWaiting << actor
                   << QString::fromUtf8(newJson),
        context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Chat settings")));
            handler(settingsFromRow(r.bytes(0, 0)), {});
        });
}

void ChatStore::rotateKey(const QUuid &org, const QUuid &actor, const QString &newKey,
    QObject *context, Handler<ChatSettings> handler)
{
    m_db.exec("WITH s AS (UPDATE chat_settings SET public_key = $2, updated_at = now()"
              "  WHERE organisation_id = $1 RETURNING *)"
              " SELECT to_jsonb(s) FROM s CROSS JOIN LATERAL muster_audit($1, $3::uuid,"
              "  'chat.rotateKey', 'organisation', $1, NULL, NULL)",
        PgParams() << org << newKey << actor, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Chat settings")));
            handler(settingsFromRow(r.bytes(0, 0)), {});
        });
}

namespace {
const QByteArray kCannedReplies
    = "SELECT COALESCE(jsonb_agg(jsonb_build_object('id', r.id, 'title', r.title, 'body', r.body)"
      " ORDER BY r.sort_order, r.id), '[]') FROM chat_canned_replies r WHERE r.organisation_id = "
      "$1";
} // namespace

void ChatStore::cannedReplies(const QUuid &org, QObject *context, Handler<QJsonArray> handler)
{
    m_db.exec(kCannedReplies, PgParams() << org, context, [handler](const PgResult &r) {
        if (!r.ok())
            return handler({}, StoreError::of(r));
        handler(QJsonDocument::fromJson(r.bytes(0, 0)).array(), {});
    });
}

void ChatStore::setCannedReplies(const QUuid &org, const QUuid &actor, const QJsonArray &replies,
    QObject *context, Handler<QJsonArray> handler)
{
    const QString json = QString::fromUtf8(QJsonDocument(replies).toJson(QJsonDocument::Compact));
    m_db.transaction(
        {{"DELETE FROM chat_canned_replies WHERE organisation_id = $1", PgParams() << org},
            {"INSERT INTO chat_canned_replies (organisation_id, title, body, sort_order)"
             " SELECT $1, x.title, x.body, x.n FROM ROWS FROM (jsonb_to_recordset($2::jsonb)"
             "  AS (title text, body text)) WITH ORDINALITY AS x(title, body, n)",
                PgParams() << org << json},
            {"SELECT muster_audit($1, $2::uuid, 'chat.cannedReplies', 'organisation', $1, NULL,"
             " jsonb_build_object('count', $3::int))",
                PgParams() << org << actor << int(replies.size())},
            {kCannedReplies, PgParams() << org}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            handler(QJsonDocument::fromJson(r.bytes(0, 0)).array(), {});
        });
}

void ChatStore::setLogo(const QUuid &org, const QUuid &actor,
    const std::optional<StoredPicture> &logo, QObject *context, Handler<ChatSettings> handler)
{
    QList<PgStatement> statements;
    if (logo) {
        PgParams upsert;
        upsert << org << QString::fromLatin1(logo->contentType);
        upsert.addBytes(logo->data);
        statements.append({"INSERT INTO chat_logos (organisation_id, content_type, data)"
                           " VALUES ($1, $2, $3) ON CONFLICT (organisation_id) DO UPDATE"
                           " SET content_type = $2, data = $3, updated_at = now()",
            upsert});
    } else {
        statements.append({"DELETE FROM chat_logos WHERE organisation_id = $1", PgParams() << org});
    }
    PgParams change;
    change << org << actor;
    logo ? change << logo->sha256 : change << std::nullopt;
    statements.append(
        {"WITH old AS (SELECT logo_sha256 FROM chat_settings WHERE organisation_id = $1"
         "   FOR UPDATE),"
         " s AS (UPDATE chat_settings SET logo_sha256 = $3, updated_at = now() FROM old"
         "   WHERE chat_settings.organisation_id = $1 RETURNING chat_settings.*)"
         " SELECT to_jsonb(s) FROM s, old CROSS JOIN LATERAL muster_audit($1, $2::uuid,"
         "  'chat.logo', 'organisation', $1, jsonb_build_object('logo', old.logo_sha256),"
         "  jsonb_build_object('logo', $3::text))",
            change});
    m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
        const PgResult &r = results.last();
        if (!r.ok())
            return handler({}, StoreError::of(r));
        if (r.rows() == 0)
            return handler({}, StoreError::notFound(QStringLiteral("Chat settings")));
        handler(settingsFromRow(r.bytes(0, 0)), {});
    });
}

void ChatStore::logoByKey(
    const QString &publicKey, QObject *context, Handler<StoredPicture> handler)
{
    m_db.exec("SELECT s.logo_sha256, l.content_type, encode(l.data, 'hex')"
              " FROM chat_settings s JOIN chat_logos l ON l.organisation_id = s.organisation_id"
              " WHERE s.public_key = $1 AND s.enabled AND s.logo_sha256 IS NOT NULL",
        PgParams() << publicKey, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Logo")));
            handler(StoredPicture {r.text(0, 0), r.bytes(0, 1), QByteArray::fromHex(r.bytes(0, 2))},
                {});
        });
}

void ChatStore::settingsByKey(
    const QString &publicKey, QObject *context, Handler<ChatSettings> handler)
{
    m_db.exec("SELECT to_jsonb(s) FROM chat_settings s WHERE s.public_key = $1 AND s.enabled",
        PgParams() << publicKey, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Anteroom")));
            handler(settingsFromRow(r.bytes(0, 0)), {});
        });
}

void ChatStore::anteroom(const QString &publicKey, QObject *context, Handler<Anteroom> handler)
{
    // Available: someone on duty, connected, in a state that takes work, below their limit.
    m_db.exec("SELECT s.organisation_id, to_jsonb(s),"
              " EXISTS (SELECT 1 FROM chat_duty d JOIN users u"
              "   ON u.organisation_id = d.organisation_id AND u.id = d.user_id"
              "  LEFT JOIN states st ON st.id = u.state_id"
              "  WHERE d.organisation_id = s.organisation_id AND COALESCE(st.is_available, true)"
              "  AND EXISTS (SELECT 1 FROM live_connections l WHERE l.user_id = d.user_id)"
              "  AND (SELECT count(*) FROM chats a WHERE a.organisation_id = d.organisation_id"
              "   AND a.consultant_id = d.user_id AND a.status = 'active')"
              "   < s.max_chats_per_consultant),"
              " (SELECT count(*) FROM chats w WHERE w.organisation_id = s.organisation_id"
              "  AND w.status = 'waiting' AND w.client_connection IS NOT NULL),"
              " (SELECT COALESCE(floor(extract(epoch FROM avg(x.waited)) * 1000)::bigint, -1) FROM"
              "  (SELECT p.accepted_at - p.created_at AS waited FROM chats p"
              "   WHERE p.organisation_id = s.organisation_id AND p.accepted_at > now() - interval "
              "'7 days'"
              "   ORDER BY p.accepted_at DESC LIMIT 20) x)"
              " FROM chat_settings s WHERE s.public_key = $1 AND s.enabled",
        PgParams() << publicKey, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Anteroom")));
            Anteroom a;
            a.organisationId = r.uuid(0, 0);
            a.settings = settingsFromRow(r.bytes(0, 1));
            a.available = r.toBool(0, 2);
            a.waiting = int(r.toInt(0, 3));
            a.averageWaitMs = r.toInt(0, 4);
            handler(a, {});
        });
}

void ChatStore::join(const QUuid &org, const Chat &intake, const QByteArray &tokenHash,
    const Connection &connection, QObject *context, Handler<Chat> handler)
{
    PgParams params;
    params << org << intake.alias << intake.topic
           << QString::fromUtf8(QJsonDocument(intake.answers).toJson(QJsonDocument::Compact));
    params.addBytes(tokenHash);
    params << connection.id << connection.serverId;
    // The lock on the settings row makes joins of one organisation count one after another.
    m_db.transaction(
        {{"SELECT 1 FROM chat_settings WHERE organisation_id = $1 FOR UPDATE", PgParams() << org},
            {"WITH c AS (INSERT INTO chats (organisation_id, alias, topic, answers,"
             "  client_token_hash, client_connection, client_server)"
             "  SELECT $1, $2, $3, $4::jsonb, $5, $6, $7"
             "  WHERE (SELECT count(*) FROM chats WHERE organisation_id = $1"
             "   AND status = 'waiting')"
             "   < (SELECT max_waiting FROM chat_settings WHERE organisation_id = $1)"
             "  RETURNING *)"
             " SELECT "
                    + kChatColumns + " FROM c",
                params}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({},
                    {StoreError::Conflict, QStringLiteral("Too many people are waiting right now"),
                        QStringLiteral("queue_full")});
            handler(chatAt(r, 0), {});
        });
}

void ChatStore::resume(const QByteArray &tokenHash, const Connection &connection, QObject *context,
    std::function<void(const Chat &chat, const QUuid &org, const StoreError &error)> handler)
{
    PgParams params;
    params.addBytes(tokenHash);
    params << connection.id << connection.serverId;
    m_db.exec("WITH c AS (UPDATE chats SET client_connection = $2, client_server = $3,"
              "  client_left_at = NULL WHERE client_token_hash = $1"
              "  AND (status IN ('waiting', 'active') OR closed_at > now() - interval '10 minutes')"
              "  RETURNING *)"
              " SELECT "
            + kChatColumns + " FROM c",
        params, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, {}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, {}, StoreError::notFound(QStringLiteral("Chat")));
            const Chat chat = chatAt(r, 0);
            handler(chat, chat.organisationId, {});
        });
}

void ChatStore::clientLeft(
    const QUuid &chatId, const QUuid &connectionId, QObject *context, Handler<Chat> handler)
{
    m_db.exec("WITH c AS (UPDATE chats SET client_connection = NULL, client_left_at = now()"
              "  WHERE id = $1 AND client_connection = $2 RETURNING *)"
              " SELECT "
            + kChatColumns + " FROM c",
        PgParams() << chatId << connectionId, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Chat")));
            handler(chatAt(r, 0), {});
        });
}

void ChatStore::setDuty(const QUuid &org, const QUuid &userId, bool on, const QString &chatName,
    QObject *context, Handler<bool> handler)
{
    PgParams params = PgParams() << org << userId;
    if (on)
        params << chatName;
    m_db.exec(on ? QByteArray("INSERT INTO chat_duty (organisation_id, user_id, chat_name)"
                              " VALUES ($1, $2, $3) ON CONFLICT (organisation_id, user_id)"
                              " DO UPDATE SET chat_name = EXCLUDED.chat_name")
                 : QByteArray("DELETE FROM chat_duty WHERE organisation_id = $1 AND user_id = $2"),
        params, context, [handler, on](const PgResult &r) {
            if (!r.ok())
                return handler(false, StoreError::of(r));
            handler(on, {});
        });
}

// Whether "users u" is in a state that takes work (no state counts as available).
const QByteArray kAvailable = "COALESCE((SELECT st.is_available FROM states st"
                              " WHERE st.id = u.state_id), true)";
// Chats in progress of "users u".
const QByteArray kLoad = "(SELECT count(*) FROM chats a WHERE a.organisation_id = u.organisation_id"
                         " AND a.consultant_id = u.id AND a.status = 'active')";

QJsonObject ChatStore::Consultant::toJson() const
{
    return {{QStringLiteral("userId"), toWireId(userId)},
        {QStringLiteral("displayName"), displayName}, {QStringLiteral("chatName"), chatName},
        {QStringLiteral("chats"), chats}, {QStringLiteral("online"), online},
        {QStringLiteral("available"), available}};
}

void ChatStore::consultants(const QUuid &org, QObject *context, Handler<QList<Consultant>> handler)
{
    m_db.exec("SELECT u.id, u.display_name, d.chat_name, " + kLoad
            + ", EXISTS (SELECT 1 FROM live_connections l WHERE l.user_id = u.id), " + kAvailable
            + " FROM chat_duty d JOIN users u ON u.organisation_id = d.organisation_id"
              " AND u.id = d.user_id WHERE d.organisation_id = $1 ORDER BY u.display_name, u.id",
        PgParams() << org, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<Consultant> list;
            for (int row = 0; row < r.rows(); ++row) {
                list.append({r.uuid(row, 0), r.text(row, 1), r.text(row, 2), int(r.toInt(row, 3)),
                    r.toBool(row, 4), r.toBool(row, 5)});
            }
            handler(list, {});
        });
}

void ChatStore::loads(
    const QUuid &org, const QList<QUuid> &userIds, QObject *context, Handler<QList<Load>> handler)
{
    m_db.exec("SELECT u.id, " + kLoad
            + " FROM users u WHERE u.organisation_id = $1 AND u.id = ANY ($2::uuid[])",
        PgParams() << org << userIds, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<Load> list;
            for (int row = 0; row < r.rows(); ++row)
                list.append({r.uuid(row, 0), int(r.toInt(row, 1))});
            handler(list, {});
        });
}

void ChatStore::queue(const QUuid &org, QObject *context, Handler<QList<Chat>> handler)
{
    m_db.exec("SELECT " + kChatColumns
            + " FROM chats c WHERE c.organisation_id = $1 AND c.status = 'waiting'"
              " AND c.client_connection IS NOT NULL ORDER BY c.created_at, c.id",
        PgParams() << org, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<Chat> chats;
            for (int row = 0; row < r.rows(); ++row)
                chats.append(chatAt(r, row));
            handler(chats, {});
        });
}

void ChatStore::openChats(
    const QUuid &org, const QUuid &userId, bool all, QObject *context, Handler<QList<Chat>> handler)
{
    m_db.exec("SELECT " + kChatColumns
            + " FROM chats c WHERE c.organisation_id = $1 AND c.status = 'active'"
              " AND ($3 OR c.consultant_id = $2) ORDER BY c.accepted_at, c.id",
        PgParams() << org << userId << all, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<Chat> chats;
            for (int row = 0; row < r.rows(); ++row)
                chats.append(chatAt(r, row));
            handler(chats, {});
        });
}

void ChatStore::accept(const QUuid &org, const QUuid &userId, const QUuid &chatId, QObject *context,
    Handler<Changed> handler)
{
    changeHands({"SELECT muster_chat_accept($1, $2, $3)", PgParams() << org << userId << chatId},
        chatId, QStringLiteral("%1 has joined the chat."), context, std::move(handler));
}

void ChatStore::changeHands(const PgStatement &claim, const QUuid &chatId, const QString &notice,
    QObject *context, Handler<Changed> handler)
{
    m_db.transaction(
        {claim, {noticeSql(), PgParams() << chatId << notice},
            {"SELECT " + kChatColumns + " FROM chats c WHERE c.id = $1", PgParams() << chatId}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            // A handover names who had the chat (see muster_chat_transfer).
            const QUuid former
                = QUuid::fromString(QJsonDocument::fromJson(results.first().bytes(0, 0))
                                        .object()
                                        .value(QStringLiteral("former_consultant_id"))
                                        .toString());
            handler(Changed {chatAt(r, 0), noticeOf(results.at(1)), former}, {});
        });
}

void ChatStore::send(const Party &party, const QUuid &chatId, const QString &text,
    const QString &clientMsgId, QObject *context, Handler<Sent> handler)
{
    sendOnce(party, chatId, text, clientMsgId, true, context, std::move(handler));
}

void ChatStore::sendOnce(const Party &party, const QUuid &chatId, const QString &text,
    const QString &clientMsgId, bool retry, QObject *context, Handler<Sent> handler)
{
    // A client writes in their own chat while it is open; a consultant in their own active
    // chat. The chat's row lock orders the messages; the same clientMsgId finds its message.
    const QByteArray mine
        = "c.organisation_id = $1 AND c.id = $2 AND CASE WHEN $3::uuid IS NOT NULL"
          " THEN c.id = $3 ELSE c.consultant_id = $4 END";
    const PgParams who = PgParams()
        << party.organisationId << chatId << party.chatId << party.userId;
    PgParams message = who;
    message << sideOf(party) << text << clientMsgId;
    m_db.transaction(
        {{"SELECT CASE"
          " WHEN c.id IS NULL THEN muster_fail('MU404', 'not_found', 'Chat not found')"
          " WHEN c.status IN ('closed', 'abandoned')"
          "  THEN muster_fail('MU409', 'chat_closed', 'This chat has ended')"
          " WHEN $3::uuid IS NULL AND c.status <> 'active'"
          "  THEN muster_fail('MU409', 'not_active', 'Take the chat before writing in it')"
          " END FROM (SELECT 1) one LEFT JOIN chats c ON "
                 + mine,
             who},
            {"WITH c AS (SELECT c.* FROM chats c WHERE " + mine
                    + "  FOR UPDATE),"
                      " old AS (SELECT m.* FROM chat_messages m, c WHERE m.chat_id = c.id"
                      "  AND m.sender = $5 AND m.client_msg_id = NULLIF($7, '')),"
                      " b AS (UPDATE chats SET last_seq = chats.last_seq + 1 FROM c"
                      "  WHERE chats.id = c.id AND NOT EXISTS (SELECT 1 FROM old)"
                      "  RETURNING chats.id, chats.last_seq),"
                      " m AS (INSERT INTO chat_messages (chat_id, seq, sender, sender_user_id,"
                      "  sender_name, body, client_msg_id)"
                      "  SELECT b.id, b.last_seq, $5, $4, CASE WHEN $5 = 'client' THEN c.alias"
                      "  ELSE COALESCE(c.consultant_name, '') END, $6, NULLIF($7, '')"
                      "  FROM b, c RETURNING *)"
                      " SELECT "
                    + kMessageColumns + ", false FROM m UNION ALL SELECT " + kMessageColumns
                    + ", true FROM old m",
                message},
            {"SELECT " + kChatColumns + " FROM chats c WHERE c.id = $1", PgParams() << chatId}},
        context,
        [this, party, chatId, text, clientMsgId, retry, context, handler](
            const QList<PgResult> &results) {
            const PgResult &r = results.last();
            // Two sends of one clientMsgId at once: the second finds the first on a new try.
            if (r.isUniqueViolation() && retry)
                return sendOnce(party, chatId, text, clientMsgId, false, context, handler);
            if (!r.ok())
                return handler({}, StoreError::of(r));
            const PgResult &m = results.at(1);
            if (m.rows() == 0 || r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Chat")));
            handler(Sent {messageAt(m, 0), chatAt(r, 0), m.toBool(0, 7)}, {});
        });
}

void ChatStore::sendBatch(const QList<Outgoing> &batch, QObject *context,
    std::function<void(const QList<std::optional<Sent>> &, const StoreError &)> handler)
{
    QJsonArray items;
    for (qsizetype n = 0; n < batch.size(); ++n) {
        const Outgoing &o = batch.at(n);
        items.append(QJsonObject {{QStringLiteral("n"), int(n)},
            {QStringLiteral("org"), toWireId(o.party.organisationId)},
            {QStringLiteral("chat"), toWireId(o.chatId)},
            {QStringLiteral("own"), toWireId(o.party.chatId)},
            {QStringLiteral("usr"), toWireId(o.party.userId)},
            {QStringLiteral("side"), sideOf(o.party)}, {QStringLiteral("body"), o.text},
            {QStringLiteral("cmid"), o.clientMsgId}});
    }
    // As send, for many: who may write where (ok), what was sent before (old), one new message
    // per clientMsgId (fresh), numbered per chat in the order asked (counted). The chats' rows
    // are locked in id order, so two batches never wait on each other in a circle; a chat that
    // closed meanwhile takes nothing (its items come back empty).
    const QByteArray sql
        = "WITH item AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(n int, org uuid,"
          "  chat uuid, own uuid, usr uuid, side text, body text, cmid text)),"
          " ok AS (SELECT i.* FROM item i JOIN chats c ON c.organisation_id = i.org AND c.id = "
          "i.chat"
          "  AND CASE WHEN i.own IS NOT NULL THEN c.id = i.own AND c.status IN ('waiting', "
          "'active')"
          "  ELSE c.consultant_id = i.usr AND c.status = 'active' END),"
          " old AS (SELECT DISTINCT ON (i.n) i.n, m.* FROM ok i JOIN chat_messages m"
          "  ON m.chat_id = i.chat AND m.sender = i.side AND m.client_msg_id = i.cmid),"
          " fresh AS (SELECT DISTINCT ON (chat, side, cmid) * FROM ok"
          "  WHERE n NOT IN (SELECT n FROM old) ORDER BY chat, side, cmid, n),"
          " counted AS (SELECT f.*, row_number() OVER (PARTITION BY chat ORDER BY n) AS k,"
          "  count(*) OVER (PARTITION BY chat) AS cnt FROM fresh f),"
          " lk AS (SELECT id FROM chats WHERE id IN (SELECT chat FROM counted) ORDER BY id"
          "  FOR UPDATE),"
          " b AS (UPDATE chats SET last_seq = chats.last_seq + g.cnt"
          "  FROM (SELECT chat, max(cnt) AS cnt FROM counted GROUP BY chat) g"
          "  WHERE chats.id = g.chat AND chats.id IN (SELECT id FROM lk)"
          "  AND chats.status IN ('waiting', 'active')"
          "  RETURNING chats.id, chats.last_seq, chats.alias, chats.consultant_name),"
          " m AS (INSERT INTO chat_messages (chat_id, seq, sender, sender_user_id, sender_name,"
          "  body, client_msg_id)"
          "  SELECT f.chat, b.last_seq - f.cnt + f.k, f.side, f.usr,"
          "  CASE WHEN f.side = 'client' THEN b.alias ELSE COALESCE(b.consultant_name, '') END,"
          "  f.body, f.cmid FROM counted f JOIN b ON b.id = f.chat RETURNING *),"
          " r AS (SELECT f.n, m.*, false AS duplicate FROM counted f JOIN m"
          "   ON m.chat_id = f.chat AND m.sender = f.side AND m.client_msg_id = f.cmid"
          "  UNION ALL SELECT o.n, o.chat_id, o.seq, o.sender, o.sender_user_id, o.sender_name,"
          "   o.body, o.client_msg_id, o.created_at, true FROM old o"
          "  UNION ALL SELECT i.n, m.*, true FROM ok i JOIN m ON m.chat_id = i.chat"
          "   AND m.sender = i.side AND m.client_msg_id = i.cmid"
          "   WHERE i.n NOT IN (SELECT n FROM counted) AND i.n NOT IN (SELECT n FROM old))"
          " SELECT r.n, r.chat_id, r.seq, r.sender, r.sender_name, r.body,"
          "  COALESCE(r.client_msg_id, ''), floor(extract(epoch FROM r.created_at) * 1000)::bigint,"
          "  r.duplicate, "
        + kChatColumns + " FROM r JOIN chats c ON c.id = r.chat_id";
    const qsizetype count = batch.size();
    m_db.exec(sql,
        PgParams() << QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)),
        context, [handler, count](const PgResult &r) {
            if (r.isUniqueViolation())
                return handler({},
                    {StoreError::Conflict, QStringLiteral("A message was sent twice at once"),
                        QStringLiteral("raced")});
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<std::optional<Sent>> sent(count);
            for (int row = 0; row < r.rows(); ++row) {
                const qsizetype n = r.toInt(row, 0);
                if (n < 0 || n >= count)
                    continue;
                Sent s {messageAt(r, row, 1), chatAt(r, row, 9), r.toBool(row, 8)};
                // The chat as read at the start: its last message is at least this one.
                s.chat.lastSeq = std::max(s.chat.lastSeq, s.message.seq);
                sent[n] = s;
            }
            handler(sent, {});
        });
}

void ChatStore::markRead(
    const Party &party, const QUuid &chatId, qint64 seq, QObject *context, Handler<Chat> handler)
{
    m_db.exec(
        "WITH c AS (UPDATE chats c SET"
        "  client_read_seq = CASE WHEN $3::uuid IS NOT NULL"
        "   THEN GREATEST(c.client_read_seq, LEAST($5, c.last_seq)) ELSE c.client_read_seq END,"
        "  consultant_read_seq = CASE WHEN $3::uuid IS NULL"
        "   THEN GREATEST(c.consultant_read_seq, LEAST($5, c.last_seq))"
        "   ELSE c.consultant_read_seq END"
        "  WHERE c.organisation_id = $1 AND c.id = $2 AND CASE WHEN $3::uuid IS NOT NULL"
        "   THEN c.id = $3 ELSE c.consultant_id = $4 END"
        "  RETURNING c.*)"
        " SELECT "
            + kChatColumns + " FROM c",
        PgParams() << party.organisationId << chatId << party.chatId << party.userId << seq,
        context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Chat")));
            handler(chatAt(r, 0), {});
        });
}

void ChatStore::close(
    const Party &party, const QUuid &chatId, QObject *context, Handler<Changed> handler)
{
    // A client leaving before pickup abandons their place; anyone else closes. Closing a chat
    // that has ended already is no error: both sides may press "End chat" at once.
    const QByteArray who = party.isClient() ? "client" : "consultant";
    m_db.transaction(
        {{"SELECT muster_fail('MU404', 'not_found', 'Chat not found') WHERE NOT EXISTS ("
          " SELECT 1 FROM chats c WHERE "
                 + kReachable + " AND ($3::uuid IS NOT NULL OR $5 OR c.status <> 'waiting'))",
             partyParams(party, chatId)},
            {"UPDATE chats SET status = CASE WHEN status = 'waiting' THEN 'abandoned'"
             "  ELSE 'closed' END, closed_at = now(), closed_by = '"
                    + who + "' WHERE id = $1 AND status IN ('waiting', 'active')",
                PgParams() << chatId},
            // now() is the transaction's start in every statement: this closed it.
            {noticeSql("closed_at = now()"),
                PgParams() << chatId
                           << (party.isClient() ? QStringLiteral("The client has left the chat.")
                                                : QStringLiteral("The chat has ended."))},
            {"SELECT " + kChatColumns + " FROM chats c WHERE c.id = $1", PgParams() << chatId}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            handler(Changed {chatAt(r, 0), noticeOf(results.at(2))}, {});
        });
}

void ChatStore::transfer(const Party &party, const QUuid &chatId, const QUuid &toUserId,
    const QString &note, QObject *context, Handler<Changed> handler)
{
    changeHands({"SELECT muster_chat_transfer($1, $2, $3, $4, $5, $6)",
                    PgParams() << party.organisationId << party.userId << party.manager << chatId
                               << toUserId << note},
        chatId, QStringLiteral("You are now talking to %1."), context, std::move(handler));
}

void ChatStore::history(const Party &party, const QUuid &chatId, qint64 afterSeq, QObject *context,
    std::function<void(
        const Chat &chat, const QList<ChatMessage> &messages, const StoreError &error)>
        handler)
{
    PgParams params = partyParams(party, chatId);
    params << afterSeq;
    m_db.exec("SELECT " + kChatColumns + ", " + kMessageColumns
            + " FROM chats c LEFT JOIN LATERAL (SELECT * FROM chat_messages x"
              "  WHERE x.chat_id = c.id AND x.seq > $6 ORDER BY x.seq LIMIT 1000) m ON true"
              " WHERE "
            + kReachable + " ORDER BY m.seq",
        params, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, {}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, {}, StoreError::notFound(QStringLiteral("Chat")));
            QList<ChatMessage> messages;
            for (int row = 0; row < r.rows(); ++row) {
                if (!r.isNull(row, kChatColumnCount))
                    messages.append(messageAt(r, row, kChatColumnCount));
            }
            handler(chatAt(r, 0), messages, {});
        });
}

void ChatStore::forget(const Party &party, QObject *context, Handler<Chat> handler)
{
    m_db.exec("WITH c AS (DELETE FROM chats WHERE organisation_id = $1 AND id = $2 RETURNING *)"
              " SELECT "
            + kChatColumns + " FROM c",
        PgParams() << party.organisationId << party.chatId, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Chat")));
            Chat gone = chatAt(r, 0);
            gone.status = Chat::Status::Closed;
            gone.closedBy = QStringLiteral("client");
            gone.position = 0;
            handler(gone, {});
        });
}

void ChatStore::sweep(std::chrono::seconds waitingGrace, std::chrono::seconds activeGrace,
    QObject *context, Handler<Swept> handler)
{
    m_db.transaction(
        {{"WITH c AS (UPDATE chats SET client_connection = NULL, client_left_at = now()"
          "  WHERE status IN ('waiting', 'active') AND client_connection IS NOT NULL"
          "  AND NOT EXISTS (SELECT 1 FROM server_instances s WHERE s.id = chats.client_server)"
          "  RETURNING *)"
          " SELECT "
                 + kChatColumns + " FROM c",
             {}},
            {"WITH c AS (UPDATE chats SET status = 'abandoned', closed_at = now(),"
             "  closed_by = 'timeout' WHERE status = 'waiting' AND client_connection IS NULL"
             "  AND client_left_at < now() - make_interval(secs => $1) RETURNING *)"
             " SELECT "
                    + kChatColumns + " FROM c",
                PgParams() << qint64(waitingGrace.count())},
            {"WITH c AS (UPDATE chats SET status = 'closed', closed_at = now(),"
             "  closed_by = 'timeout' WHERE status = 'active' AND client_connection IS NULL"
             "  AND client_left_at < now() - make_interval(secs => $1) RETURNING *)"
             " SELECT "
                    + kChatColumns + " FROM c",
                PgParams() << qint64(activeGrace.count())},
            {"DELETE FROM chats c USING chat_settings s WHERE s.organisation_id = c.organisation_id"
             " AND c.status IN ('closed', 'abandoned')"
             " AND c.closed_at < now() - make_interval(days => s.retention_days)",
                {}}},
        context, [handler](const QList<PgResult> &results) {
            if (!results.last().ok())
                return handler({}, StoreError::of(results.last()));
            Swept swept;
            QHash<QUuid, Chat> latest; // a chat may be in two statements: keep the last
            for (int s = 0; s < 3; ++s) {
                const PgResult &r = results.at(s);
                for (int row = 0; row < r.rows(); ++row) {
                    const Chat chat = chatAt(r, row);
                    latest.insert(chat.id, chat);
                }
            }
            for (const Chat &chat : std::as_const(latest)) {
                swept.changed.append(chat);
                if (!swept.organisations.contains(chat.organisationId))
                    swept.organisations.append(chat.organisationId);
            }
            swept.deleted = results.last().affectedRows();
            handler(swept, {});
        });
}

} // namespace Muster
