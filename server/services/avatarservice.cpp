// See avatarservice.h.
#include "avatarservice.h"

#include "cluster/pushrelay.h"
#include "net/httpfront.h"
#include "net/rpccall.h"
#include "pictureparam.h"
#include "sessionservice.h"

#include <QRegularExpression>

namespace Muster {

AvatarService::AvatarService(Database &db, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_relay(relay)
{ }

void AvatarService::set(const RpcCall &call)
{
    std::optional<StoredPicture> upload;
    if (!PictureParam::read(call, upload))
        return;
    const Caller caller = call.caller();
    const QJsonValue avatar = upload ? QJsonValue(upload->sha256) : QJsonValue(QJsonValue::Null);
    m_store.set(caller.organisationId, caller.userId, upload, this,
        [this, call, caller, avatar](const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("avatar"), avatar}});
            m_relay.publish(
                {Audience::organisation(caller.organisationId), QStringLiteral("profile.changed"),
                    {{QStringLiteral("userId"), caller.userId.toString(QUuid::WithoutBraces)},
                        {QStringLiteral("avatar"), avatar}}});
        });
}

void AvatarService::serve(const HttpRequest &request, const HttpResponder &responder)
{
    static const QRegularExpression hashShape(QStringLiteral("^[0-9a-f]{64}$"));
    const QString sha256 = request.path.mid(kRoutePrefix.size());
    if (!hashShape.match(sha256).hasMatch())
        return responder.send(404, "text/plain", "Not found\n");
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ")) {
        return responder.send(401, "text/plain", "Sign in to see avatars\n",
            {{"WWW-Authenticate", "Bearer realm=\"muster\""}});
    }
    const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
    const QByteArray etag = '"' + sha256.toLatin1() + '"';
    // The content never changes under its hash, so a client holding it needs no bytes again.
    const bool revalidating = request.header("if-none-match") == etag;
    m_store.fetch(SessionService::tokenHash(token), sha256, !revalidating, this,
        [responder, etag, revalidating](const AvatarStore::Fetched &f, const StoreError &error) {
            if (error)
                return responder.send(503, "text/plain", "Database unavailable\n");
            if (!f.authorised) {
                return responder.send(401, "text/plain", "Sign in to see avatars\n",
                    {{"WWW-Authenticate", "Bearer realm=\"muster\", error=\"invalid_token\""}});
            }
            // Another organisation's picture is "not found": its existence is not told either.
            if (!f.found)
                return responder.send(404, "text/plain", "Not found\n");
            const QList<QPair<QByteArray, QByteArray>> headers {
                {"Cache-Control", "private, max-age=31536000, immutable"}, {"ETag", etag}};
            if (revalidating)
                return responder.send(304, {}, {}, headers);
            responder.send(200, f.contentType, f.data, headers);
        });
}

} // namespace Muster
