// The dialog for a reward of an event: what it is, and how many earned hours it takes.
#pragma once

#include "domain/reward.h"

#include <QDialog>

class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace Muster {

class RewardEditor : public QDialog
{
    Q_OBJECT
public:
    // A new reward when `reward` has no id.
    explicit RewardEditor(const Reward &reward, QWidget *parent = nullptr);

    bool isNew() const { return m_reward.id.isNull(); }
    const Reward &reward() const { return m_reward; }
    QString name() const;
    QString description() const;
    double thresholdHours() const;
    QString problem() const;
    void showProblem(const QString &text);
    void setBusy(bool busy);

Q_SIGNALS:
    void saveRequested();

private:
    Reward m_reward;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QDoubleSpinBox *m_threshold;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Muster
