// Adds what a Widgets view needs to the shared state model: a coloured dot as decoration.
#pragma once

#include <QIdentityProxyModel>

namespace Muster {

class StateDecorationProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace Muster
