// See avatarcache.h. Pictures are content-addressed: a file is trusted only when its bytes hash
// to its name, so a damaged cache or a confused server can never show the wrong face.
#include "avatarcache.h"

#include "avatargenerator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>

namespace Muster {

namespace {
constexpr qint64 kMaxPictureBytes = 256 * 1024;

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}
} // namespace

AvatarCache::AvatarCache(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

void AvatarCache::setServer(const QUrl &httpBase, const QString &token)
{
    if (httpBase != m_base || token != m_token)
        m_failed.clear();
    m_base = httpBase;
    m_token = token;
}

QImage AvatarCache::avatar(
    const QString &userId, const QString &sha256, int size, qreal devicePixelRatio)
{
    const QString suffix = u'@' + QString::number(size) + u'x' + QString::number(devicePixelRatio);
    if (!sha256.isEmpty()) {
        const QString key = sha256 + suffix;
        if (const auto drawn = m_drawn.constFind(key); drawn != m_drawn.cend())
            return *drawn;
        if (m_pictures.contains(sha256) || loadFromDisk(sha256))
            return *m_drawn.insert(key, framed(m_pictures.value(sha256), size, devicePixelRatio));
        fetch(sha256);
    }
    const QString key = userId + suffix;
    if (const auto drawn = m_drawn.constFind(key); drawn != m_drawn.cend())
        return *drawn;
    return *m_drawn.insert(key, AvatarGenerator::generate(userId, size, devicePixelRatio));
}

void AvatarCache::insert(const QString &sha256, const QByteArray &bytes)
{
    if (accept(sha256, bytes))
        Q_EMIT pictureReady(sha256);
}

QImage AvatarCache::framed(const QImage &picture, int size, qreal devicePixelRatio)
{
    const int pixels = qRound(size * devicePixelRatio);
    QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath clip;
    clip.addRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22);
    p.setClipPath(clip);
    // Fill the square, cropping the longer side evenly (the app uploads squares already).
    const QSize source = picture.size();
    const int side = qMin(source.width(), source.height());
    const QRect crop((source.width() - side) / 2, (source.height() - side) / 2, side, side);
    p.drawImage(QRectF(0, 0, size, size), picture, crop);
    return image;
}

QUrl AvatarCache::httpBaseFor(const QUrl &webSocketUrl)
{
    QUrl base;
    base.setScheme(webSocketUrl.scheme() == QLatin1String("wss") ? QStringLiteral("https")
                                                                 : QStringLiteral("http"));
    base.setHost(webSocketUrl.host());
    base.setPort(webSocketUrl.port());
    return base;
}

void AvatarCache::fetch(const QString &sha256)
{
    if (m_inFlight.contains(sha256) || m_failed.contains(sha256) || !m_base.isValid()
        || m_token.isEmpty())
        return;
    QUrl url = m_base;
    url.setPath(QStringLiteral("/avatars/") + sha256);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    request.setTransferTimeout(15000);
    QNetworkReply *reply = m_network->get(request);
    m_inFlight.insert(sha256);
    // A server gone mad cannot make us hold more than one picture's worth.
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxPictureBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, sha256] { onFinished(reply, sha256); });
}

void AvatarCache::onFinished(QNetworkReply *reply, const QString &sha256)
{
    reply->deleteLater();
    m_inFlight.remove(sha256);
    const QByteArray bytes
        = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    if (!accept(sha256, bytes)) {
        m_failed.insert(sha256);
        return;
    }
    if (!m_directory.isEmpty() && QDir().mkpath(m_directory)) {
        QSaveFile file(QDir(m_directory).filePath(sha256));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(bytes);
            file.commit();
        }
    }
    Q_EMIT pictureReady(sha256);
}

bool AvatarCache::loadFromDisk(const QString &sha256)
{
    if (m_directory.isEmpty())
        return false;
    QFile file(QDir(m_directory).filePath(sha256));
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxPictureBytes)
        return false;
    if (accept(sha256, file.readAll()))
        return true;
    file.remove(); // damaged: fetch it afresh
    return false;
}

bool AvatarCache::accept(const QString &sha256, const QByteArray &bytes)
{
    if (bytes.isEmpty() || sha256Of(bytes) != sha256)
        return false;
    QImage picture = QImage::fromData(bytes);
    if (picture.isNull())
        return false;
    m_pictures.insert(sha256, picture);
    return true;
}

} // namespace Muster
