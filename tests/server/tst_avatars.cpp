// Uploaded avatars: profile.setAvatar validates and stores by content hash and pushes the change;
// GET /avatars/<sha256> serves the bytes with long-lived cache headers to signed-in members of
// the same organisation only (superadmins: every organisation). Damaged or foreign files never
// get in.
#include "testclient.h"
#include "testserver.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <zlib.h>

using namespace Muster;
using namespace Muster::Test;

namespace {

QByteArray encoded(const QImage &image, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, quality);
    return bytes;
}

QByteArray picture(int width, int height, const char *format, QColor colour = Qt::darkCyan)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    QPainter painter(&image);
    painter.fillRect(width / 4, height / 4, width / 2, height / 2, Qt::yellow);
    painter.end();
    return encoded(image, format, 90);
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray cacheControl;
    QByteArray etag;
};

HttpAnswer get(const QUrl &url, const QString &token, const QByteArray &ifNoneMatch = {})
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!ifNoneMatch.isEmpty())
        request.setRawHeader("If-None-Match", ifNoneMatch);
    // Every request must reach the server: no client-side cache in between.
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = manager.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(5000))
        return {};
    HttpAnswer a {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
        reply->readAll(), reply->rawHeader("Content-Type"), reply->rawHeader("Cache-Control"),
        reply->rawHeader("ETag")};
    reply->deleteLater();
    return a;
}

} // namespace

// A PNG written by hand: 8-bit RGBA of the given size whose pixel data is exactly `filtered`
// (compressed), with correct chunk checksums.
QByteArray handmadePng(int width, int height, const QByteArray &filtered)
{
    const auto chunk = [](const QByteArray &type, const QByteArray &body) {
        QByteArray out;
        const auto be32 = [&out](quint32 v) {
            for (int shift = 24; shift >= 0; shift -= 8)
                out.append(char((v >> shift) & 0xff));
        };
        be32(quint32(body.size()));
        const QByteArray typed = type + body;
        out += typed;
        be32(quint32(
            crc32(0, reinterpret_cast<const Bytef *>(typed.constData()), uInt(typed.size()))));
        return out;
    };
    QByteArray header;
    for (const quint32 v : {quint32(width), quint32(height)})
        for (int shift = 24; shift >= 0; shift -= 8)
            header.append(char((v >> shift) & 0xff));
    header += QByteArray("\x08\x06\x00\x00\x00", 5); // depth 8, RGBA, deflate, no filter/interlace
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header)
        + chunk("IDAT", qCompress(filtered, 9).mid(4)) + chunk("IEND", {});
}

class TestAvatars : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

    // Signs in and returns the session token.
    QString signIn(TestClient &client, const QString &login)
    {
        if (!client.open(m_server->wsUrl()))
            return {};
        return resultOf(client.login(login, QStringLiteral("correct horse")))
            .value(QStringLiteral("token"))
            .toString();
    }

    static QJsonObject setAvatar(TestClient &client, const QByteArray &bytes)
    {
        return client.call(QStringLiteral("profile.setAvatar"),
            {{QStringLiteral("image"), QString::fromLatin1(bytes.toBase64())}});
    }

    QUrl avatarUrl(const QString &sha) const
    {
        return m_server->httpUrl(QStringLiteral("/avatars/") + sha);
    }

    int storedAvatars() { return m_server->sql().exec("SELECT count(*) FROM avatars").toInt(0, 0); }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Globex")).isNull());
        for (const char *login : {"ada", "bo"}) {
            QVERIFY(!m_server
                         ->createUser(
                             QString::fromLatin1(login), QStringLiteral("Acme"), Role::Volunteer)
                         .isNull());
        }
        QVERIFY(!m_server->createUser(QStringLiteral("gx"), QStringLiteral("Globex"), Role::Staff)
                     .isNull());
    }
    void cleanup() { m_server.reset(); }

    void uploadPushServe()
    {
        TestClient ada, bo, gx;
        QVERIFY(!signIn(ada, QStringLiteral("ada")).isEmpty());
        const QString boToken = signIn(bo, QStringLiteral("bo"));
        const QString gxToken = signIn(gx, QStringLiteral("gx"));
        QVERIFY(!boToken.isEmpty() && !gxToken.isEmpty());
        QVERIFY(gx.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));

        const QByteArray png = picture(96, 96, "PNG");
        const QString sha = sha256Hex(png);
        const QJsonObject reply = setAvatar(ada, png);
        QCOMPARE(resultOf(reply).value(QStringLiteral("avatar")).toString(), sha);
        const QJsonObject pushed = bo.waitForPush(QStringLiteral("profile.changed"));
        QCOMPARE(pushed.value(QStringLiteral("avatar")).toString(), sha);
        // Bo has it, so it went out; a round trip of gx's now comes after anything sent to gx.
        QVERIFY(gx.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));
        QVERIFY(gx.noPush(QStringLiteral("profile.changed"), {}, 0));
        QCOMPARE(m_server->auditCount(QStringLiteral("user.avatar")), 1);

        // The board and the profile both carry the hash.
        const QJsonArray people = resultOf(bo.call(QStringLiteral("presence.list")))
                                      .value(QStringLiteral("people"))
                                      .toArray();
        bool listed = false;
        for (const QJsonValue &p : people) {
            if (p[QStringLiteral("login")].toString() == QStringLiteral("ada"))
                listed = p[QStringLiteral("avatar")].toString() == sha;
        }
        QVERIFY(listed);
        QCOMPARE(resultOf(ada.call(QStringLiteral("profile.get")))
                     .value(QStringLiteral("avatar"))
                     .toString(),
            sha);

        // A member of the organisation gets the exact bytes, cacheable for good.
        const HttpAnswer served = get(avatarUrl(sha), boToken);
        QCOMPARE(served.status, 200);
        QCOMPARE(served.body, png);
        QCOMPARE(served.contentType, QByteArray("image/png"));
        QVERIFY(served.cacheControl.contains("immutable"));
        QVERIFY(served.cacheControl.contains("private"));
        QCOMPARE(served.etag, '"' + sha.toLatin1() + '"');
        // Revalidation costs no bytes.
        const HttpAnswer again = get(avatarUrl(sha), boToken, served.etag);
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());

        // Nobody else: no token, a made-up token, another organisation's member.
        QCOMPARE(get(avatarUrl(sha), {}).status, 401);
        QCOMPARE(get(avatarUrl(sha), QStringLiteral("not-a-token")).status, 401);
        QCOMPARE(get(avatarUrl(sha), gxToken).status, 404);
        QCOMPARE(get(avatarUrl(sha), gxToken, served.etag).status, 404);
        // A malformed hash is simply not there.
        QCOMPARE(get(avatarUrl(QStringLiteral("../../etc/passwd")), boToken).status, 404);
        QCOMPARE(get(avatarUrl(sha.toUpper()), boToken).status, 404);

        // A signed-out session's token stops working at once.
        QVERIFY(bo.call(QStringLiteral("session.logout")).contains(QStringLiteral("result")));
        QCOMPARE(get(avatarUrl(sha), boToken).status, 401);
    }

    void superadminSeesEveryOrganisation()
    {
        TestClient ada, gx;
        QVERIFY(!signIn(ada, QStringLiteral("ada")).isEmpty());
        const QString gxToken = signIn(gx, QStringLiteral("gx"));
        const QByteArray png = picture(32, 32, "PNG");
        QVERIFY(setAvatar(ada, png).contains(QStringLiteral("result")));
        QCOMPARE(get(avatarUrl(sha256Hex(png)), gxToken).status, 404);
        m_server->sql().exec("UPDATE users SET is_superadmin = true WHERE login = 'gx'");
        QCOMPARE(get(avatarUrl(sha256Hex(png)), gxToken).status, 200);
    }

    void jpegAccepted()
    {
        TestClient ada;
        const QString token = signIn(ada, QStringLiteral("ada"));
        const QByteArray jpeg = picture(200, 150, "JPEG");
        QVERIFY(jpeg.startsWith("\xff\xd8"));
        const QString sha
            = resultOf(setAvatar(ada, jpeg)).value(QStringLiteral("avatar")).toString();
        QCOMPARE(sha, sha256Hex(jpeg));
        const HttpAnswer served = get(avatarUrl(sha), token);
        QCOMPARE(served.status, 200);
        QCOMPARE(served.contentType, QByteArray("image/jpeg"));
        QCOMPARE(served.body, jpeg);
    }

    void replaceAndRemove()
    {
        TestClient ada, bo;
        const QString token = signIn(ada, QStringLiteral("ada"));
        QVERIFY(!signIn(bo, QStringLiteral("bo")).isEmpty());
        const QByteArray first = picture(64, 64, "PNG", Qt::red);
        const QByteArray second = picture(64, 64, "PNG", Qt::blue);
        QVERIFY(setAvatar(ada, first).contains(QStringLiteral("result")));
        QVERIFY(setAvatar(ada, second).contains(QStringLiteral("result")));
        // The replaced picture is gone, not kept forever.
        QCOMPARE(storedAvatars(), 1);
        QCOMPARE(get(avatarUrl(sha256Hex(first)), token).status, 404);

        // Sharing: bo picks the same picture; ada removing hers keeps his.
        QVERIFY(setAvatar(bo, second).contains(QStringLiteral("result")));
        QCOMPARE(storedAvatars(), 1);
        bo.clearPushes();
        const QString adaId
            = m_server->sql().exec("SELECT id FROM users WHERE login = 'ada'").text(0, 0);
        const QJsonObject removed = ada.call(
            QStringLiteral("profile.setAvatar"), {{QStringLiteral("image"), QJsonValue()}});
        QVERIFY(resultOf(removed).value(QStringLiteral("avatar")).isNull());
        // (bo's own change may still be on its way: wait for ada's.)
        const QJsonObject pushed = bo.waitForPush(
            QStringLiteral("profile.changed"), {{QStringLiteral("userId"), adaId}});
        QVERIFY(
            pushed.contains(QStringLiteral("avatar")) && pushed[QStringLiteral("avatar")].isNull());
        QCOMPARE(storedAvatars(), 1);
        QCOMPARE(get(avatarUrl(sha256Hex(second)), token).status, 200);
        QVERIFY(
            bo.call(QStringLiteral("profile.setAvatar"), {{QStringLiteral("image"), QJsonValue()}})
                .contains(QStringLiteral("result")));
        QCOMPARE(storedAvatars(), 0);
        QCOMPARE(m_server->auditCount(QStringLiteral("user.avatar")), 5);
    }

    void badImages_data()
    {
        QTest::addColumn<QJsonValue>("image");
        QTest::addColumn<QString>("reason");
        const auto b64 = [](const QByteArray &bytes) {
            return QJsonValue(QString::fromLatin1(bytes.toBase64()));
        };
        const QString params = QStringLiteral("invalid_params");
        const QString bad = QStringLiteral("bad_image");
        const QByteArray png = picture(64, 64, "PNG");
        const QByteArray jpeg = picture(64, 64, "JPEG");

        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << params;
        QTest::newRow("number") << QJsonValue(42) << params;
        QTest::newRow("not base64") << QJsonValue(QStringLiteral("#!not base64!#")) << params;
        QTest::newRow("empty") << QJsonValue(QString()) << bad;
        QTest::newRow("text file") << b64("hello, I am not a picture\n") << bad;
        QTest::newRow("gif") << b64(picture(64, 64, "GIF").isEmpty()
                ? QByteArray("GIF89a\x40\x00\x40\x00", 10)
                : picture(64, 64, "GIF"))
                             << bad;
        QTest::newRow("bmp") << b64(picture(64, 64, "BMP")) << bad;
        QTest::newRow("png truncated") << b64(png.left(png.size() - 20)) << bad;
        QByteArray flipped = png;
        flipped[png.size() / 2] = char(flipped[png.size() / 2] ^ 0x55);
        QTest::newRow("png corrupted") << b64(flipped) << bad;
        QTest::newRow("png with trailing bytes") << b64(png + "<script>alert(1)</script>") << bad;
        QTest::newRow("png too small") << b64(picture(8, 8, "PNG")) << bad;
        QTest::newRow("png too wide") << b64(picture(2000, 20, "PNG")) << bad;
        QTest::newRow("jpeg truncated") << b64(jpeg.left(jpeg.size() - 10)) << bad;
        QTest::newRow("jpeg header only") << b64(jpeg.left(20)) << bad;
        QByteArray huge = png;
        huge.append(300 * 1024, '\0');
        QTest::newRow("too large") << b64(huge) << bad;
    }

    void pngPixelsAreInflatedWithABound_data()
    {
        QTest::addColumn<QByteArray>("pixels");
        QTest::addColumn<bool>("accepted");
        const qsizetype exact = 64 * (1 + 64 * 4); // 64 rows of RGBA, a filter byte each
        QTest::newRow("exact") << QByteArray(exact, '\0') << true;
        // Well-formed chunks and checksums, but half the rows: a truncated picture.
        QTest::newRow("half the rows") << QByteArray(exact / 2, '\0') << false;
        QTest::newRow("one byte more") << QByteArray(exact + 1, '\0') << false;
        // 100 MB of zeros squeezed into ~100 KB: inflating stops at the bound.
        QTest::newRow("zlib bomb") << QByteArray(100 * 1000 * 1000, '\0') << false;
    }

    void pngPixelsAreInflatedWithABound()
    {
        QFETCH(QByteArray, pixels);
        QFETCH(bool, accepted);
        const QByteArray png = handmadePng(64, 64, pixels);
        QVERIFY(png.size() < 256 * 1024);
        TestClient ada;
        QVERIFY(!signIn(ada, QStringLiteral("ada")).isEmpty());
        const QJsonObject reply = ada.call(QStringLiteral("profile.setAvatar"),
            {{QStringLiteral("image"), QString::fromLatin1(png.toBase64())}});
        if (accepted) {
            QVERIFY2(reply.contains(QStringLiteral("result")),
                QJsonDocument(reply).toJson().constData());
        } else {
            QCOMPARE(TestClient::errorReason(reply), QStringLiteral("bad_image"));
        }
    }

    void badImages()
    {
        QFETCH(QJsonValue, image);
        QFETCH(QString, reason);
        TestClient ada;
        QVERIFY(!signIn(ada, QStringLiteral("ada")).isEmpty());
        QJsonObject params;
        if (!image.isUndefined())
            params.insert(QStringLiteral("image"), image);
        const QJsonObject reply = ada.call(QStringLiteral("profile.setAvatar"), params);
        QCOMPARE(TestClient::errorReason(reply), reason);
        QVERIFY(!reply[QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
        QCOMPARE(storedAvatars(), 0);
        // The connection is still fine afterwards.
        QVERIFY(ada.call(QStringLiteral("profile.get")).contains(QStringLiteral("result")));
    }
};

QTEST_GUILESS_MAIN(TestAvatars)
#include "tst_avatars.moc"
