// See devicetokenstore.h.
#include "devicetokenstore.h"

#include "util/logging.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#ifdef MUSTER_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace Muster {

namespace {
const QString kService = QStringLiteral("muster-kiosk");
const QString kKey = QStringLiteral("device");
constexpr QFile::Permissions kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner;
} // namespace

DeviceTokenStore::DeviceTokenStore(const QString &dataDirectory, bool useKeychain, QObject *parent)
    : QObject(parent)
    , m_path(QDir(dataDirectory).filePath(QStringLiteral("device.json")))
#ifdef MUSTER_HAVE_KEYCHAIN
    , m_keychain(useKeychain)
#else
    , m_keychain(false)
#endif
{
    Q_UNUSED(useKeychain)
}

QString DeviceTokenStore::location() const
{
    return m_keychain ? QStringLiteral("keychain") : m_path;
}

void DeviceTokenStore::fallBackToFile(const QString &why)
{
    if (m_keychain)
        qCInfo(lcKiosk) << "no usable keychain (" << why << "): keeping the device token in"
                        << m_path;
    m_keychain = false;
}

void DeviceTokenStore::load()
{
#ifdef MUSTER_HAVE_KEYCHAIN
    if (m_keychain) {
        auto *job = new QKeychain::ReadPasswordJob(kService, this);
        job->setAutoDelete(true);
        job->setKey(kKey);
        connect(job, &QKeychain::Job::finished, this, [this, job] {
            if (job->error() == QKeychain::NoError) {
                Q_EMIT loaded(QJsonDocument::fromJson(job->binaryData()).object());
                return;
            }
            if (job->error() != QKeychain::EntryNotFound)
                fallBackToFile(job->errorString());
            Q_EMIT loaded(readFile());
        });
        job->start();
        return;
    }
#endif
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT loaded(readFile()); }, Qt::QueuedConnection);
}

void DeviceTokenStore::save(const QJsonObject &credential)
{
#ifdef MUSTER_HAVE_KEYCHAIN
    if (m_keychain) {
        auto *job = new QKeychain::WritePasswordJob(kService, this);
        job->setAutoDelete(true);
        job->setKey(kKey);
        job->setBinaryData(QJsonDocument(credential).toJson(QJsonDocument::Compact));
        connect(job, &QKeychain::Job::finished, this, [this, job, credential] {
            if (job->error() == QKeychain::NoError) {
                QFile::remove(m_path); // one place only
                return;
            }
            fallBackToFile(job->errorString());
            writeFile(credential);
        });
        job->start();
        return;
    }
#endif
    writeFile(credential);
}

void DeviceTokenStore::erase()
{
#ifdef MUSTER_HAVE_KEYCHAIN
    if (m_keychain) {
        auto *job = new QKeychain::DeletePasswordJob(kService, this);
        job->setAutoDelete(true);
        job->setKey(kKey);
        job->start();
    }
#endif
    QFile::remove(m_path);
}

QJsonObject DeviceTokenStore::readFile() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.permissions() & (QFile::ReadGroup | QFile::ReadOther))
        qCWarning(lcKiosk) << m_path << "is readable by others: fix its permissions (chmod 600)";
    return QJsonDocument::fromJson(file.readAll()).object();
}

void DeviceTokenStore::writeFile(const QJsonObject &credential) const
{
    QDir().mkpath(QFileInfo(m_path).path());
    QFile file(m_path);
    // Created owner-only; an existing file is narrowed before anything is written to it.
    if (file.exists())
        file.setPermissions(kOwnerOnly);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, kOwnerOnly)) {
        qCWarning(lcKiosk) << "cannot keep the device token in" << m_path << ":"
                           << file.errorString();
        return;
    }
    file.write(QJsonDocument(credential).toJson(QJsonDocument::Compact));
    file.flush();
}

} // namespace Muster
