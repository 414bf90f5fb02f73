// See organisationswindow.h. Watch first, then list: a change between the two is then never lost
// (at worst it is applied twice, which the model ignores).
#include "organisationswindow.h"

#include "avatarcache.h"
#include "client/connection.h"
#include "common/errortext.h"
#include "peoplefiltermodel.h"
#include "persondelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace Muster {

OrganisationsWindow::OrganisationsWindow(
    Connection &connection, AvatarCache &avatars, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_board(&connection)
    , m_people(new PeopleFilterModel(this))
    , m_organisations(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_view(new QListView(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("organisationsWindow"));
    setWindowTitle(tr("All organisations"));
    m_people->setSourceModel(&m_model);
    m_organisations->setObjectName(QStringLiteral("organisations"));
    m_organisations->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_search->setPlaceholderText(tr("Search people"));
    m_search->setClearButtonEnabled(true);
    m_view->setObjectName(QStringLiteral("people"));
    m_view->setModel(m_people);
    m_view->setItemDelegate(new PersonDelegate(avatars, m_view));
    m_view->setUniformItemSizes(true);
    m_view->setSpacing(2);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Organisation:"), this));
    top->addWidget(m_organisations);
    top->addStretch();
    top->addWidget(m_search);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    resize(560, 720);

    connect(m_search, &QLineEdit::textChanged, m_people, &PeopleFilterModel::setSearch);
    connect(
        m_organisations, &QComboBox::currentIndexChanged, this, &OrganisationsWindow::watchAndLoad);
    // The model follows the watched organisation's pushes itself; it loads when told, because
    // the watch must come first. A new connection watches nothing: watch again, and catch up on
    // what was missed.
    m_model.setLoadOnSignIn(false);
    m_model.setConnection(&m_connection);
    connect(&m_model, &PresenceModel::loadFailed, m_summary, &QLabel::setText);
    connect(&m_connection, &Connection::signedIn, this, &OrganisationsWindow::watchAndLoad);
    connect(&m_connection, &Connection::resyncRequested, this, &OrganisationsWindow::watchAndLoad);
    auto summarise = [this] {
        m_summary->setText(
            tr("%1 of %2 online").arg(m_model.onlineCount()).arg(m_model.rowCount()));
    };
    connect(&m_model, &QAbstractItemModel::modelReset, this, summarise);
    connect(&m_model, &PresenceModel::onlineCountChanged, this, summarise);
    connect(
        &avatars, &AvatarCache::pictureReady, m_view->viewport(), qOverload<>(&QWidget::update));
    loadOrganisations();
}

OrganisationsWindow::~OrganisationsWindow()
{
    if (m_connection.state() == Connection::State::Ready)
        m_board.watchOrganisation(QString());
}

QString OrganisationsWindow::shownOrganisation() const
{
    return m_organisations->currentData().toString();
}

void OrganisationsWindow::showOrganisation(const QString &organisationId)
{
    m_organisations->setCurrentIndex(m_organisations->findData(organisationId));
}

void OrganisationsWindow::loadOrganisations()
{
    m_board.organisations()->then(this, [this](const QJsonValue &result, const RpcError &error) {
        if (error.isValid()) {
            m_summary->setText(errorText(error));
            return;
        }
        const QSignalBlocker block(m_organisations);
        m_organisations->clear();
        for (const QJsonValue &v : result[QStringLiteral("organisations")].toArray()) {
            m_organisations->addItem(
                tr("%1 (%n people)", nullptr, v[QStringLiteral("people")].toInt())
                    .arg(v[QStringLiteral("name")].toString()),
                v[QStringLiteral("id")].toString());
        }
        // Start on one's own organisation.
        const int own = m_organisations->findData(
            m_connection.user().value(QStringLiteral("organisationId")).toString());
        m_organisations->setCurrentIndex(qMax(0, own));
        watchAndLoad();
    });
}

void OrganisationsWindow::watchAndLoad()
{
    const QString org = shownOrganisation();
    if (org.isEmpty() || m_connection.state() != Connection::State::Ready)
        return;
    m_board.watchOrganisation(org)->then(
        this, [this, org](const QJsonValue &, const RpcError &error) {
            if (org != shownOrganisation())
                return; // another one was chosen meanwhile
            if (error.isValid()) {
                m_summary->setText(errorText(error));
                return;
            }
            if (m_model.watchedOrganisation() == org)
                m_model.reload(); // the same one again: after a reconnect or a resync
            else
                m_model.setWatchedOrganisation(org);
        });
}

} // namespace Muster
