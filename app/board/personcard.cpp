// See personcard.h.
#include "personcard.h"

#include "avatarcache.h"
#include "client/connection.h"
#include "domain/role.h"
#include "domain/timetotals.h"
#include "models/presencemodel.h"
#include "models/teamlistmodel.h"
#include "util/clocktext.h"
#include "util/durationtext.h"
#include "util/elapsedtext.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace Muster {

namespace {

constexpr int kPicture = 96;

} // namespace

PersonCard::PersonCard(Connection &connection, PresenceModel &people, const TeamListModel &teams,
    AvatarCache &avatars, const QString &userId, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_people(people)
    , m_teams(teams)
    , m_avatars(avatars)
    , m_timeclock(&connection)
    , m_userId(userId)
    , m_picture(new QLabel(this))
    , m_name(new QLabel(this))
    , m_team(new QLabel(this))
    , m_state(new QLabel(this))
    , m_message(new QLabel(this))
    , m_since(new QLabel(this))
    , m_hours(new QLabel(this))
{
    setObjectName(QStringLiteral("personCard"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 48);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setTextFormat(Qt::PlainText);
    for (QLabel *secondary : {m_team, m_since, m_hours})
        secondary->setForegroundRole(QPalette::PlaceholderText);
    m_hours->hide();
    auto *text = new QVBoxLayout;
    for (QLabel *l : {m_name, m_team, m_state, m_message, m_since, m_hours})
        text->addWidget(l);
    text->addStretch();
    auto *top = new QHBoxLayout;
    top->addWidget(m_picture, 0, Qt::AlignTop);
    top->addLayout(text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Live while open: their state, message and picture may change.
    connect(&m_people, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &from, const QModelIndex &to) {
            const int row = m_people.rowOf(m_userId);
            if (row >= from.row() && row <= to.row())
                refresh();
        });
    connect(&m_people, &QAbstractItemModel::modelReset, this, &PersonCard::refresh);
    connect(&m_avatars, &AvatarCache::pictureReady, this, &PersonCard::refresh);
    refresh();
    loadHours();
}

void PersonCard::refresh()
{
    const Person *p = m_people.person(m_userId);
    if (!p) {
        m_name->setText(tr("No longer on this board"));
        return;
    }
    setWindowTitle(p->displayName);
    m_picture->setPixmap(
        QPixmap::fromImage(m_avatars.avatar(p->userId, p->avatar, kPicture, devicePixelRatioF())));
    m_name->setText(p->displayName);
    const Team *team = m_teams.teamById(p->teamId);
    m_team->setText(team ? tr("Team %1").arg(team->name) : tr("No team"));
    const int row = m_people.rowOf(m_userId);
    const QString state = m_people.index(row).data(PresenceModel::StateLabelRole).toString();
    QString stateText = p->online ? state : tr("%1 (offline)").arg(state);
    if (p->chats > 0)
        stateText += QStringLiteral(" · ") + tr("In chat (%1)").arg(p->chats);
    m_state->setText(stateText);
    m_message->setText(p->message);
    m_message->setVisible(!p->message.isEmpty());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString since = p->since.secsTo(now) < 60
        ? tr("Since %1 (just now)").arg(dateTimeText(p->since.toLocalTime()))
        : tr("Since %1 (%2 ago)")
              .arg(dateTimeText(p->since.toLocalTime()), elapsedText(p->since, now));
    if (p->until.isValid())
        since += u'\n' + tr("Until %1").arg(clockText(p->until.toLocalTime()));
    m_since->setText(since);
    // A long message wraps over several lines: the card grows to show it whole.
    adjustSize();
}

void PersonCard::loadHours()
{
    // Managers see anyone's time; others' is theirs alone.
    const Role mine = roleFromName(m_connection.user().value(QStringLiteral("role")).toString())
                          .value_or(Role::Banned);
    if (!roleAtLeast(mine, Role::Manager))
        return;
    m_timeclock.totals(QString(), m_userId)
        ->then(this, [this](const QJsonValue &result, const RpcError &error) {
            m_hours->setVisible(true);
            const TimeTotals t = TimeTotals::fromJson(result.toObject());
            if (error.isValid() && error.reason != QLatin1String("no_active_event"))
                m_hours->setText(tr("Their hours could not be read just now."));
            else if (error.isValid() || t.eventId.isNull())
                m_hours->setText(tr("No event is running: no hours to show."));
            else
                m_hours->setText(
                    tr("This event: %1 worked, %2 earned")
                        .arg(durationText(t.workedSeconds), durationText(t.earnedSeconds)));
            adjustSize();
        });
}

QStringList PersonCard::lines() const
{
    QStringList shown;
    for (const QLabel *l : {m_name, m_team, m_state, m_message, m_since, m_hours}) {
        if (!l->isHidden())
            shown.append(l->text());
    }
    return shown;
}

} // namespace Muster
