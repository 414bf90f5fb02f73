// Adds what a Widgets view needs to the shared state model: a coloured dot as decoration, and
// on request the state's flags in its label.
#pragma once

#include <QIdentityProxyModel>

namespace Muster {

class StateDecorationProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Adds "(default, available)" to labels, for the administration screen.
    void setShowFlags(bool show) { m_showFlags = show; }

private:
    bool m_showFlags = false;
};

} // namespace Muster
