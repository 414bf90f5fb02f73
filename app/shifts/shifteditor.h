// The dialog that adds a shift for someone or corrects one: team, start, stop (or still on shift,
// for a new one), notes, and for a correction the reason, which is required and audited. A
// correction shows what it changes, old → new, before it is saved.
#pragma once

#include "domain/timeentry.h"

#include <QDialog>
#include <QJsonObject>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Muster {

class ShiftEditor : public QDialog
{
    Q_OBJECT
public:
    // A new shift for personName when `entry` has no id; teams: a TeamListModel.
    ShiftEditor(const TimeEntry &entry, const QString &personName, QAbstractItemModel *teams,
        QWidget *parent = nullptr);

    bool isNew() const { return m_entry.id.isNull(); }
    const TimeEntry &entry() const { return m_entry; }
    QString teamId() const;
    QDateTime start() const; // UTC
    QDateTime stop() const; // UTC; invalid: still on shift
    QString notes() const;
    QString reason() const;
    // For a correction: only what changed, as timeclock.updateEntry takes it.
    QJsonObject changes() const;
    // "Start 14:00 → 13:30; Team Registration → Info desk"; "" when nothing changed.
    QString changeSummary() const;
    QString problem() const;
    void showProblem(const QString &text);
    void setBusy(bool busy);

Q_SIGNALS:
    void saveRequested();

private:
    QString check() const;
    void refreshSummary();

    TimeEntry m_entry;
    QComboBox *m_team;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_stop;
    QCheckBox *m_ongoing;
    QLineEdit *m_notes;
    QLineEdit *m_reason;
    QLabel *m_summary;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Muster
