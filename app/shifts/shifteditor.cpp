// See shifteditor.h. Times are typed in the desk's local time, to the minute.
#include "shifteditor.h"

#include "models/teamlistmodel.h"
#include "protocol/wiretime.h"
#include "util/clocktext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace Muster {

namespace {

QDateTime toMinute(const QDateTime &t)
{
    const QDateTime local = t.toLocalTime();
    return QDateTime(local.date(), QTime(local.time().hour(), local.time().minute()));
}

} // namespace

ShiftEditor::ShiftEditor(
    const TimeEntry &entry, const QString &personName, QAbstractItemModel *teams, QWidget *parent)
    : QDialog(parent)
    , m_entry(entry)
    , m_team(new QComboBox(this))
    , m_start(new QDateTimeEdit(this))
    , m_stop(new QDateTimeEdit(this))
    , m_ongoing(new QCheckBox(tr("Still on shift (checks them in)"), this))
    , m_notes(new QLineEdit(entry.notes, this))
    , m_reason(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("shiftEditor"));
    setWindowTitle(isNew() ? tr("Add a shift for %1").arg(personName)
                           : tr("Correct a shift of %1").arg(personName));
    m_team->setObjectName(QStringLiteral("team"));
    m_team->setModel(teams);
    const int teamRow
        = m_team->findData(entry.teamId.toString(QUuid::WithoutBraces), TeamListModel::IdRole);
    m_team->setCurrentIndex(teamRow >= 0 ? teamRow : 0);
    for (QDateTimeEdit *edit : {m_start, m_stop}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("ddd d MMM yyyy, HH:mm"));
    }
    m_start->setObjectName(QStringLiteral("start"));
    m_stop->setObjectName(QStringLiteral("stop"));
    m_ongoing->setObjectName(QStringLiteral("ongoing"));
    const QDateTime now = QDateTime::currentDateTime();
    if (isNew()) {
        // The usual case is a forgotten clock-in: a shift that ended a moment ago.
        m_start->setDateTime(toMinute(now.addSecs(-2 * 3600)));
        m_stop->setDateTime(toMinute(now));
    } else {
        m_start->setDateTime(toMinute(entry.start));
        m_stop->setDateTime(toMinute(entry.isOngoing() ? now : entry.stop));
        m_ongoing->setChecked(entry.isOngoing());
    }
    // A finished shift cannot be reopened; a new one may start as a check-in.
    m_ongoing->setVisible(isNew() || entry.isOngoing());
    m_ongoing->setEnabled(isNew() || entry.isOngoing());
    m_stop->setEnabled(!m_ongoing->isChecked());
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setMaxLength(1000);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setMaxLength(500);
    m_reason->setPlaceholderText(tr("e.g. forgot to clock out; badge scanned twice"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_buttons->setObjectName(QStringLiteral("buttons"));

    auto *form = new QFormLayout(this);
    // Whose shift, and as it stands: what the manager is looking at while changing it.
    auto *heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("heading"));
    heading->setWordWrap(true);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    if (isNew()) {
        heading->setText(tr("A new shift for %1").arg(personName));
    } else {
        heading->setText(
            tr("%1 — %2, %3 to %4")
                .arg(personName, entry.teamName, dateTimeText(entry.start.toLocalTime()),
                    entry.isOngoing() ? tr("still on shift")
                        : entry.stop.toLocalTime().date() == entry.start.toLocalTime().date()
                        ? clockText(entry.stop.toLocalTime())
                        : dateTimeText(entry.stop.toLocalTime())));
    }
    form->addRow(heading);
    form->addRow(tr("&Team:"), m_team);
    form->addRow(tr("&Start:"), m_start);
    form->addRow(tr("St&op:"), m_stop);
    form->addRow(QString(), m_ongoing);
    form->addRow(tr("&Notes:"), m_notes);
    if (isNew()) {
        // Nothing to justify or compare for a new shift; out of the layout, they must not float.
        m_reason->hide();
        m_summary->hide();
    } else {
        form->addRow(tr("&Why:"), m_reason);
        form->addRow(m_summary);
    }
    form->addRow(m_problem);
    form->addRow(m_buttons);

    connect(m_ongoing, &QCheckBox::toggled, m_stop, [this](bool on) {
        m_stop->setEnabled(!on);
        refreshSummary();
    });
    for (QDateTimeEdit *edit : {m_start, m_stop})
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &ShiftEditor::refreshSummary);
    connect(m_team, &QComboBox::currentIndexChanged, this, &ShiftEditor::refreshSummary);
    connect(m_notes, &QLineEdit::textChanged, this, &ShiftEditor::refreshSummary);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        const QString why = check();
        showProblem(why);
        if (why.isEmpty())
            Q_EMIT saveRequested();
    });
    refreshSummary();
    showProblem({});
}

QString ShiftEditor::teamId() const
{
    return m_team->currentData(TeamListModel::IdRole).toString();
}

QDateTime ShiftEditor::start() const
{
    return m_start->dateTime().toUTC();
}

QDateTime ShiftEditor::stop() const
{
    return m_ongoing->isChecked() ? QDateTime() : m_stop->dateTime().toUTC();
}

QString ShiftEditor::notes() const
{
    return m_notes->text().trimmed();
}

QString ShiftEditor::reason() const
{
    return m_reason->text().trimmed();
}

QJsonObject ShiftEditor::changes() const
{
    QJsonObject changed;
    if (isNew())
        return changed;
    // The edits hold minutes: an untouched time must not count as a change.
    if (start() != toMinute(m_entry.start).toUTC())
        changed.insert(QStringLiteral("start"), toWireTime(start()));
    if (stop().isValid() && (m_entry.isOngoing() || stop() != toMinute(m_entry.stop).toUTC()))
        changed.insert(QStringLiteral("stop"), toWireTime(stop()));
    if (teamId() != m_entry.teamId.toString(QUuid::WithoutBraces))
        changed.insert(QStringLiteral("teamId"), teamId());
    if (notes() != m_entry.notes)
        changed.insert(QStringLiteral("notes"), notes());
    return changed;
}

QString ShiftEditor::changeSummary() const
{
    const QJsonObject changed = changes();
    QStringList parts;
    if (changed.contains(QStringLiteral("start")))
        parts.append(tr("Start %1 → %2")
                         .arg(dateTimeText(m_entry.start.toLocalTime()),
                             dateTimeText(start().toLocalTime())));
    if (changed.contains(QStringLiteral("stop")))
        parts.append(tr("Stop %1 → %2")
                         .arg(m_entry.isOngoing() ? tr("still on shift")
                                                  : dateTimeText(m_entry.stop.toLocalTime()),
                             dateTimeText(stop().toLocalTime())));
    if (changed.contains(QStringLiteral("teamId")))
        parts.append(tr("Team %1 → %2").arg(m_entry.teamName, m_team->currentText()));
    if (changed.contains(QStringLiteral("notes")))
        parts.append(tr("Notes “%1” → “%2”").arg(m_entry.notes, notes()));
    return parts.join(QStringLiteral("; "));
}

void ShiftEditor::refreshSummary()
{
    if (isNew())
        return;
    const QString summary = changeSummary();
    m_summary->setText(summary.isEmpty() ? tr("Nothing changed yet.") : summary);
}

QString ShiftEditor::check() const
{
    if (teamId().isEmpty())
        return tr("Choose the team the shift was worked for.");
    if (stop().isValid() && stop() <= start())
        return tr("The shift must stop after it starts.");
    if (start() > QDateTime::currentDateTimeUtc().addSecs(60))
        return tr("A shift cannot start in the future.");
    if (!isNew() && changes().isEmpty())
        return tr("Nothing changed yet.");
    if (!isNew() && reason().isEmpty())
        return tr("Say why you correct it: the reason is kept with the change.");
    return {};
}

QString ShiftEditor::problem() const
{
    return m_problem->text();
}

void ShiftEditor::showProblem(const QString &text)
{
    m_problem->setText(text.isEmpty() ? QString() : u"⚠ " + text);
    m_problem->setVisible(!text.isEmpty());
}

void ShiftEditor::setBusy(bool busy)
{
    if (QPushButton *save = m_buttons->button(QDialogButtonBox::Save))
        save->setEnabled(!busy);
}

} // namespace Muster
