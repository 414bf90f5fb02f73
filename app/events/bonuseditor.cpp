// See bonuseditor.h.
#include "bonuseditor.h"

#include "common/zonedtime.h"
#include "models/teamlistmodel.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>

namespace Muster {

BonusEditor::BonusEditor(
    const Event &event, const Bonus &bonus, const TeamListModel &teams, QWidget *parent)
    : QDialog(parent)
    , m_event(event)
    , m_bonus(bonus)
    , m_start(new QDateTimeEdit(this))
    , m_end(new QDateTimeEdit(this))
    , m_multiplier(new QDoubleSpinBox(this))
    , m_teams(new QListWidget(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("bonusEditor"));
    setWindowTitle(isNew() ? tr("New bonus window") : tr("Bonus window"));
    const QTimeZone zone = zoneOf(event.timeZone);
    for (QDateTimeEdit *edit : {m_start, m_end})
        prepareWallClockEdit(edit);
    m_start->setObjectName(QStringLiteral("start"));
    m_end->setObjectName(QStringLiteral("end"));
    QDateTime start = bonus.start;
    QDateTime end = bonus.end;
    if (isNew()) {
        // The next full hour for four hours: an evening rush, say.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        start = std::max(
            event.start, now.addSecs(3600 - now.time().minute() * 60 - now.time().second()));
        end = std::min(event.end, start.addSecs(4 * 3600));
    }
    m_start->setDateTime(wallClock(start, zone));
    m_end->setDateTime(wallClock(end, zone));
    m_multiplier->setObjectName(QStringLiteral("multiplier"));
    m_multiplier->setRange(1.05, 10);
    m_multiplier->setDecimals(2);
    m_multiplier->setSingleStep(0.25);
    m_multiplier->setSuffix(QStringLiteral("×"));
    m_multiplier->setValue(isNew() ? 2 : bonus.multiplier);
    m_teams->setObjectName(QStringLiteral("teams"));
    for (const Team &t : teams.activeTeams()) {
        auto *item = new QListWidgetItem(
            t.hidden ? tr("%1 (hidden from volunteers)").arg(t.name) : t.name, m_teams);
        item->setData(Qt::UserRole, t.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(
            bonus.teamIds.contains(QUuid::fromString(t.id)) ? Qt::Checked : Qt::Unchecked);
    }
    m_teams->setMaximumHeight(m_teams->sizeHintForRow(0) * 7 + 4);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_buttons->setObjectName(QStringLiteral("buttons"));

    auto *form = new QFormLayout(this);
    auto *where = new QLabel(tr("Times in %1, the event's time zone.").arg(event.timeZone), this);
    where->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(where);
    form->addRow(tr("&From:"), m_start);
    form->addRow(tr("&To:"), m_end);
    form->addRow(tr("Time &counts:"), m_multiplier);
    form->addRow(tr("For t&eams:"), m_teams);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        const QString why = check();
        showProblem(why);
        if (why.isEmpty())
            Q_EMIT saveRequested();
    });
}

QDateTime BonusEditor::start() const
{
    return fromWallClock(m_start->dateTime(), zoneOf(m_event.timeZone));
}

QDateTime BonusEditor::end() const
{
    return fromWallClock(m_end->dateTime(), zoneOf(m_event.timeZone));
}

double BonusEditor::multiplier() const
{
    return m_multiplier->value();
}

QStringList BonusEditor::teamIds() const
{
    QStringList ids;
    for (int row = 0; row < m_teams->count(); ++row) {
        if (m_teams->item(row)->checkState() == Qt::Checked)
            ids.append(m_teams->item(row)->data(Qt::UserRole).toString());
    }
    return ids;
}

void BonusEditor::setTeamChecked(const QString &teamName, bool checked)
{
    for (int row = 0; row < m_teams->count(); ++row) {
        if (m_teams->item(row)->text() == teamName)
            m_teams->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

QString BonusEditor::check() const
{
    if (end() <= start())
        return tr("The window must end after it starts.");
    if (teamIds().isEmpty())
        return tr("Tick the teams whose time counts more.");
    return {};
}

QString BonusEditor::problem() const
{
    return m_problem->text();
}

void BonusEditor::showProblem(const QString &text)
{
    m_problem->setText(text.isEmpty() ? QString() : u"⚠ " + text);
    m_problem->setVisible(!text.isEmpty());
}

void BonusEditor::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

} // namespace Muster
