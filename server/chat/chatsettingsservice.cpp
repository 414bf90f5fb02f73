// See chatsettingsservice.h.
#include "chatsettingsservice.h"

#include "net/rpccall.h"
#include "protocol/paramreader.h"
#include "services/pictureparam.h"
#include "services/sessionservice.h"

#include <QJsonArray>

namespace Muster {

ChatSettingsService::ChatSettingsService(Database &db, QObject *parent)
    : QObject(parent)
    , m_store(db)
{ }

QString ChatSettingsService::newPublicKey()
{
    return SessionService::newToken(16);
}

void ChatSettingsService::get(const RpcCall &call)
{
    m_store.settings(call.caller().organisationId, newPublicKey(), this,
        [call](const ChatSettings &settings, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("settings"), settings.toJson()}});
        });
}

void ChatSettingsService::update(const RpcCall &call)
{
    const QJsonValue changes = call.params().value(QStringLiteral("settings"));
    if (!changes.isObject())
        return call.fail(RpcError::invalidParams(
            QStringLiteral("settings: an object of the settings to change")));
    const Caller caller = call.caller();
    // Read, change, check, write: the checks see the whole result, not just the change.
    m_store.settings(caller.organisationId, newPublicKey(), this,
        [this, call, caller, changes = changes.toObject()](
            ChatSettings settings, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            if (const QString problem = settings.apply(changes); !problem.isEmpty())
                return call.fail(RpcError::invalidParams(problem));
            m_store.saveSettings(caller.organisationId, caller.userId, settings, this,
                [call](const ChatSettings &saved, const StoreError &error) {
                    if (error)
                        return call.fail(error.toRpcError());
                    call.reply(QJsonObject {{QStringLiteral("settings"), saved.toJson()}});
                });
        });
}

void ChatSettingsService::rotateKey(const RpcCall &call)
{
    const Caller caller = call.caller();
    m_store.settings(caller.organisationId, newPublicKey(), this,
        [this, call, caller](const ChatSettings &, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            m_store.rotateKey(caller.organisationId, caller.userId, newPublicKey(), this,
                [call](const ChatSettings &saved, const StoreError &error) {
                    if (error)
                        return call.fail(error.toRpcError());
                    call.reply(QJsonObject {{QStringLiteral("settings"), saved.toJson()}});
                });
        });
}

void ChatSettingsService::setLogo(const RpcCall &call)
{
    std::optional<StoredPicture> logo;
    if (!PictureParam::read(call, logo))
        return;
    const Caller caller = call.caller();
    // The settings row is made on first use; the logo belongs to it.
    m_store.settings(caller.organisationId, newPublicKey(), this,
        [this, call, caller, logo](const ChatSettings &, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            m_store.setLogo(caller.organisationId, caller.userId, logo, this,
                [call](const ChatSettings &saved, const StoreError &error) {
                    if (error)
                        return call.fail(error.toRpcError());
                    call.reply(QJsonObject {{QStringLiteral("settings"), saved.toJson()}});
                });
        });
}

void ChatSettingsService::cannedReplies(const RpcCall &call)
{
    m_store.cannedReplies(
        call.caller().organisationId, this, [call](const QJsonArray &replies, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("replies"), replies}});
        });
}

void ChatSettingsService::setCannedReplies(const RpcCall &call)
{
    constexpr qsizetype kMaxReplies = 50;
    const QJsonValue given = call.params().value(QStringLiteral("replies"));
    if (!given.isArray() || given.toArray().size() > kMaxReplies)
        return call.fail(RpcError::invalidParams(
            QStringLiteral("replies: a list of at most %1 {title, body}").arg(kMaxReplies)));
    QJsonArray replies;
    for (const QJsonValue &r : given.toArray()) {
        ParamReader p(r.toObject());
        const QString title = p.requiredString(QStringLiteral("title"), 80);
        const QString body
            = p.requiredString(QStringLiteral("body"), 4000, CanonicalText::Lines::Multiple);
        if (!r.isObject() || !p.ok())
            return call.fail(RpcError::invalidParams(
                QStringLiteral("replies: each needs a title (≤ 80) and a text (≤ 4000)")));
        replies.append(
            QJsonObject {{QStringLiteral("title"), title}, {QStringLiteral("body"), body}});
    }
    const Caller caller = call.caller();
    m_store.setCannedReplies(caller.organisationId, caller.userId, replies, this,
        [call](const QJsonArray &saved, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("replies"), saved}});
        });
}

} // namespace Muster
