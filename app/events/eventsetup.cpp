// See eventsetup.h.
#include "eventsetup.h"

#include "bonuseditor.h"
#include "bonustimeline.h"
#include "common/errortext.h"
#include "common/layouts.h"
#include "common/zonedtime.h"
#include "rewardeditor.h"
#include "util/clocktext.h"
#include "util/durationtext.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Muster {

namespace {

// A line with its buttons; the buttons only for those who may change it.
QWidget *row(const QString &objectName, const QString &text, bool mayChange, QWidget *parent,
    const std::function<void()> &edit, const std::function<void()> &remove)
{
    auto *line = new QWidget(parent);
    line->setObjectName(objectName);
    auto *h = new QHBoxLayout(line);
    h->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(text, line);
    label->setObjectName(QStringLiteral("text"));
    label->setWordWrap(true);
    h->addWidget(label, 1);
    if (mayChange) {
        auto *editButton = new QPushButton(EventSetup::tr("Edit…"), line);
        editButton->setObjectName(QStringLiteral("edit"));
        auto *removeButton = new QPushButton(EventSetup::tr("Remove…"), line);
        removeButton->setObjectName(QStringLiteral("remove"));
        QObject::connect(editButton, &QPushButton::clicked, line, edit);
        QObject::connect(removeButton, &QPushButton::clicked, line, remove);
        h->addWidget(editButton);
        h->addWidget(removeButton);
    }
    return line;
}

} // namespace

EventSetup::EventSetup(Connection &connection, EventsClient &client, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_client(client)
    , m_bonusBox(new QGroupBox(tr("Bonus windows"), this))
    , m_bonusRows(new QVBoxLayout)
    , m_timeline(new BonusTimeline(m_bonuses, m_teams, this))
    , m_addBonus(new QPushButton(tr("Add a &bonus window…"), this))
    , m_rewardBox(new QGroupBox(tr("Rewards"), this))
    , m_rewardRows(new QVBoxLayout)
    , m_addReward(new QPushButton(tr("Add a re&ward…"), this))
    , m_message(new QLabel(this))
{
    m_addBonus->setObjectName(QStringLiteral("addBonus"));
    m_addReward->setObjectName(QStringLiteral("addReward"));
    auto *bonusLayout = new QVBoxLayout(m_bonusBox);
    bonusLayout->addWidget(m_timeline);
    bonusLayout->addLayout(m_bonusRows);
    bonusLayout->addStretch();
    bonusLayout->addWidget(m_addBonus, 0, Qt::AlignLeft);
    auto *rewardLayout = new QVBoxLayout(m_rewardBox);
    rewardLayout->addLayout(m_rewardRows);
    rewardLayout->addStretch();
    rewardLayout->addWidget(m_addReward, 0, Qt::AlignLeft);
    auto *boxes = new QHBoxLayout;
    boxes->addWidget(m_bonusBox, 3);
    boxes->addWidget(m_rewardBox, 2);
    m_message->setObjectName(QStringLiteral("setupMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(boxes);
    layout->addWidget(m_message);

    connect(m_addBonus, &QPushButton::clicked, this, &EventSetup::addBonus);
    connect(m_addReward, &QPushButton::clicked, this, &EventSetup::addReward);
    connect(&m_bonuses, &QAbstractItemModel::modelReset, this, &EventSetup::rebuildBonuses);
    connect(&m_teams, &QAbstractItemModel::modelReset, this, &EventSetup::rebuildBonuses);
    connect(&m_rewards, &QAbstractItemModel::modelReset, this, &EventSetup::rebuildRewards);

    m_teams.setConnection(&m_connection);
    m_bonuses.setConnection(&m_connection);
    m_rewards.setLoadOnSignIn(false);
    m_rewards.setConnection(&m_connection);
    setEnabled(false);
}

void EventSetup::setEvent(const Event &event, bool mayChange)
{
    const bool other = event.id != m_event.id;
    m_event = event;
    m_timeline->setEvent(event);
    m_mayChange = mayChange && !event.readOnly;
    setEnabled(!event.id.isNull());
    m_addBonus->setVisible(m_mayChange);
    m_addReward->setVisible(m_mayChange);
    m_bonusBox->setTitle(
        event.id.isNull() ? tr("Bonus windows") : tr("Bonus windows of %1").arg(event.name));
    m_rewardBox->setTitle(event.id.isNull() ? tr("Rewards") : tr("Rewards of %1").arg(event.name));
    const QString id = event.id.toString(QUuid::WithoutBraces);
    if (other) {
        m_bonuses.clear();
        m_bonuses.setEventId(id);
        m_rewards.clear();
        m_rewards.setEventId(id);
        m_rewards.reload();
    } else {
        rebuildBonuses();
        rebuildRewards();
    }
}

QString EventSetup::teamNames(const QList<QUuid> &teamIds) const
{
    QStringList names;
    for (const QUuid &id : teamIds) {
        if (const Team *t = m_teams.teamById(id.toString(QUuid::WithoutBraces)))
            names.append(t->name);
    }
    names.sort(Qt::CaseInsensitive);
    return names.join(QStringLiteral(", "));
}

void EventSetup::rebuildBonuses()
{
    clearLayout(m_bonusRows);
    m_timeline->setVisible(m_bonuses.rowCount() > 0);
    const QTimeZone zone = zoneOf(m_event.timeZone);
    for (int i = 0; i < m_bonuses.rowCount(); ++i) {
        const Bonus *b = m_bonuses.bonusAt(i);
        const QDateTime from = b->start.toTimeZone(zone);
        const QDateTime to = b->end.toTimeZone(zone);
        const QString text
            = tr("%1 – %2 · %3× · %4")
                  .arg(dateTimeText(from),
                      to.date() == from.date() ? clockText(to) : dateTimeText(to),
                      QLocale().toString(b->multiplier, 'g', 3), teamNames(b->teamIds));
        m_bonusRows->addWidget(row(
            QStringLiteral("bonus"), text, m_mayChange, m_bonusBox, [this, i] { editBonus(i); },
            [this, i] { deleteBonus(i); }));
    }
    if (m_bonuses.rowCount() == 0) {
        auto *none = new QLabel(tr("No bonus windows: every hour counts once."), m_bonusBox);
        none->setForegroundRole(QPalette::PlaceholderText);
        m_bonusRows->addWidget(none);
    }
}

void EventSetup::rebuildRewards()
{
    clearLayout(m_rewardRows);
    for (int i = 0; i < m_rewards.rowCount(); ++i) {
        const Reward *r = m_rewards.rewardAt(i);
        const QString text = r->description.isEmpty()
            ? tr("%1 — over %2").arg(r->name, hoursText(r->thresholdHours))
            : tr("%1 — over %2 (%3)").arg(r->name, hoursText(r->thresholdHours), r->description);
        m_rewardRows->addWidget(row(
            QStringLiteral("reward"), text, m_mayChange, m_rewardBox, [this, i] { editReward(i); },
            [this, i] { deleteReward(i); }));
    }
    if (m_rewards.rowCount() == 0) {
        auto *none = new QLabel(tr("No rewards yet."), m_rewardBox);
        none->setForegroundRole(QPalette::PlaceholderText);
        m_rewardRows->addWidget(none);
    }
}

QStringList EventSetup::bonusLines() const
{
    QStringList lines;
    for (const QWidget *w : m_bonusBox->findChildren<QWidget *>(QStringLiteral("bonus")))
        lines.append(w->findChild<QLabel *>(QStringLiteral("text"))->text());
    return lines;
}

QStringList EventSetup::rewardLines() const
{
    QStringList lines;
    for (const QWidget *w : m_rewardBox->findChildren<QWidget *>(QStringLiteral("reward")))
        lines.append(w->findChild<QLabel *>(QStringLiteral("text"))->text());
    return lines;
}

QString EventSetup::message() const
{
    return m_message->text();
}

void EventSetup::showMessage(const QString &text, bool problem)
{
    m_message->setText(problem ? u"⚠ " + text : text);
    m_message->setVisible(!text.isEmpty());
}

BonusEditor *EventSetup::addBonus()
{
    if (!m_mayChange)
        return nullptr;
    Bonus fresh;
    fresh.eventId = m_event.id;
    auto *editor = new BonusEditor(m_event, fresh, m_teams, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &BonusEditor::saveRequested, this, [this, editor] { saveBonus(editor); });
    editor->open();
    return editor;
}

BonusEditor *EventSetup::editBonus(int row)
{
    const Bonus *b = m_bonuses.bonusAt(row);
    if (!m_mayChange || !b)
        return nullptr;
    auto *editor = new BonusEditor(m_event, *b, m_teams, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &BonusEditor::saveRequested, this, [this, editor] { saveBonus(editor); });
    editor->open();
    return editor;
}

void EventSetup::saveBonus(BonusEditor *editor)
{
    editor->setBusy(true);
    RpcReply *reply = editor->isNew()
        ? m_client.createBonus(m_event.id.toString(QUuid::WithoutBraces), editor->start(),
            editor->end(), editor->multiplier(), editor->teamIds())
        : m_client.updateBonus(editor->bonus().id.toString(QUuid::WithoutBraces), editor->start(),
            editor->end(), editor->multiplier(), editor->teamIds());
    reply->then(editor, [this, editor](const QJsonValue &, const RpcError &error) {
        editor->setBusy(false);
        if (error.isValid())
            return editor->showProblem(errorText(error));
        // Earned time is counted again for the event; the push brings the list anew.
        showMessage(
            tr("Saved. Everyone's earned time in %1 counts the window now.").arg(m_event.name));
        m_bonuses.reload();
        editor->accept();
    });
}

void EventSetup::deleteBonus(int row)
{
    const Bonus *b = m_bonuses.bonusAt(row);
    if (!m_mayChange || !b)
        return;
    const QString id = b->id.toString(QUuid::WithoutBraces);
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Remove this bonus window?"),
        tr("Time in it counts once again, for everyone, from now on."), QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("confirmRemove"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = confirm->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirm"));
    connect(yes, &QPushButton::clicked, this, [this, id] {
        m_client.deleteBonus(id)->then(this, [this](const QJsonValue &, const RpcError &error) {
            if (error.isValid())
                return showMessage(errorText(error), true);
            showMessage(tr("The bonus window is removed."));
            m_bonuses.reload();
        });
    });
    confirm->open();
}

RewardEditor *EventSetup::addReward()
{
    if (!m_mayChange)
        return nullptr;
    auto *editor = new RewardEditor(Reward(), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &RewardEditor::saveRequested, this, [this, editor] { saveReward(editor); });
    editor->open();
    return editor;
}

RewardEditor *EventSetup::editReward(int row)
{
    const Reward *r = m_rewards.rewardAt(row);
    if (!m_mayChange || !r)
        return nullptr;
    auto *editor = new RewardEditor(*r, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &RewardEditor::saveRequested, this, [this, editor] { saveReward(editor); });
    editor->open();
    return editor;
}

void EventSetup::saveReward(RewardEditor *editor)
{
    editor->setBusy(true);
    RpcReply *reply = editor->isNew()
        ? m_client.createReward(m_event.id.toString(QUuid::WithoutBraces), editor->name(),
            editor->description(), editor->thresholdHours())
        : m_client.updateReward(editor->reward().id.toString(QUuid::WithoutBraces), editor->name(),
            editor->description(), editor->thresholdHours());
    reply->then(editor, [this, editor](const QJsonValue &, const RpcError &error) {
        editor->setBusy(false);
        if (error.isValid()) {
            if (error.reason == QLatin1String("conflict"))
                return editor->showProblem(
                    tr("This event already has a reward called “%1”.").arg(editor->name()));
            return editor->showProblem(errorText(error));
        }
        showMessage(tr("“%1” is saved. People already past it are told.").arg(editor->name()));
        m_rewards.reload();
        editor->accept();
    });
}

void EventSetup::deleteReward(int row)
{
    const Reward *r = m_rewards.rewardAt(row);
    if (!m_mayChange || !r)
        return;
    const QString id = r->id.toString(QUuid::WithoutBraces);
    const QString name = r->name;
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Remove “%1”?").arg(name),
        tr("Nobody can earn it any more, and who had it handed over is forgotten here (the "
           "audit keeps it)."),
        QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("confirmRemove"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = confirm->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirm"));
    connect(yes, &QPushButton::clicked, this, [this, id, name] {
        m_client.deleteReward(id)->then(
            this, [this, name](const QJsonValue &, const RpcError &error) {
                if (error.isValid())
                    return showMessage(errorText(error), true);
                showMessage(tr("“%1” is removed.").arg(name));
                m_rewards.reload();
            });
    });
    confirm->open();
}

} // namespace Muster
