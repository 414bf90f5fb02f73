// Every avatar a UI draws, ready at any size: uploaded pictures fetched once from the server
// (GET /avatars/<sha256> with the session token), kept on disk by hash, and the generated
// avatar while a picture is on its way or for people without one. Painting never waits.
#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Muster {

class AvatarCache : public QObject
{
    Q_OBJECT
public:
    explicit AvatarCache(QObject *parent = nullptr);

    // Where pictures come from: the server's HTTP base (http[s]://host:port) and a session token.
    void setServer(const QUrl &httpBase, const QString &token);
    // Where fetched pictures are kept between runs; empty to keep them in memory only.
    void setDiskDirectory(const QString &directory) { m_directory = directory; }

    // The avatar to draw now: the uploaded picture when sha256 is given and at hand, else the
    // generated one (a fetch starts, and pictureReady follows).
    QImage avatar(const QString &userId, const QString &sha256, int size, qreal devicePixelRatio);
    // Uploaded picture bytes that are already known (after an upload, say): no fetch needed.
    void insert(const QString &sha256, const QByteArray &bytes);
    bool hasPicture(const QString &sha256) const { return m_pictures.contains(sha256); }

    // Rounds and scales a picture the way every avatar is shown.
    static QImage framed(const QImage &picture, int size, qreal devicePixelRatio);
    // ws[s]://host:port/ws → http[s]://host:port.
    static QUrl httpBaseFor(const QUrl &webSocketUrl);

Q_SIGNALS:
    void pictureReady(const QString &sha256);

private:
    void fetch(const QString &sha256);
    bool loadFromDisk(const QString &sha256);
    bool accept(const QString &sha256, const QByteArray &bytes);
    void onFinished(QNetworkReply *reply, const QString &sha256);

    QNetworkAccessManager *m_network;
    QUrl m_base;
    QString m_token;
    QString m_directory;
    QHash<QString, QImage> m_pictures; // decoded, by hash
    QHash<QString, QImage> m_drawn; // ready to paint, by hash or id + size + ratio
    QSet<QString> m_inFlight;
    QSet<QString> m_failed; // not asked again until the server or token changes
};

} // namespace Muster
