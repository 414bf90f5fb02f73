// See tokenstore.h.
#include "tokenstore.h"

#include "util/logging.h"

#ifdef MUSTER_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace Muster {

namespace {
const QString kService = QStringLiteral("muster");
}

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{
#ifndef MUSTER_HAVE_KEYCHAIN
    m_available = false;
#endif
}

void TokenStore::markUnavailable(const QString &reason)
{
    if (m_available)
        qCInfo(lcApp) << "no secret store; the password will be asked for each time:" << reason;
    m_available = false;
    Q_EMIT unavailable(reason);
}

void TokenStore::load(const QString &account)
{
#ifdef MUSTER_HAVE_KEYCHAIN
    if (m_available) {
        auto *job = new QKeychain::ReadPasswordJob(kService, this);
        job->setAutoDelete(true);
        job->setKey(account);
        connect(job, &QKeychain::Job::finished, this, [this, job] {
            if (job->error() == QKeychain::NoError)
                Q_EMIT loaded(job->textData());
            else if (job->error() == QKeychain::EntryNotFound)
                Q_EMIT loaded(QString());
            else
                markUnavailable(job->errorString());
        });
        job->start();
        return;
    }
#else
    Q_UNUSED(account)
#endif
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT unavailable(tr("No secret store on this system")); },
        Qt::QueuedConnection);
}

void TokenStore::probe()
{
#ifdef MUSTER_HAVE_KEYCHAIN
    if (!m_available)
        return;
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(QStringLiteral("muster-probe"));
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            markUnavailable(job->errorString());
    });
    job->start();
#else
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT unavailable(tr("No secret store on this system")); },
        Qt::QueuedConnection);
#endif
}

void TokenStore::save(const QString &account, const QString &token)
{
#ifdef MUSTER_HAVE_KEYCHAIN
    if (!m_available)
        return;
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() != QKeychain::NoError)
            markUnavailable(job->errorString());
    });
    job->start();
#else
    Q_UNUSED(account)
    Q_UNUSED(token)
#endif
}

void TokenStore::erase(const QString &account)
{
#ifdef MUSTER_HAVE_KEYCHAIN
    if (!m_available)
        return;
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(account);
    job->start();
#else
    Q_UNUSED(account)
#endif
}

} // namespace Muster
