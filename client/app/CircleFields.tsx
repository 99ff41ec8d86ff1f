/** Selects of the pôle's circles and of the roles (in a circle, in the pôle), for every placement form. */
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import type { Circle } from "../../shared/api/circles";
import { type CircleRole, circleRoles, type PoleRole, poleRoles } from "../../shared/permissions";
import { SelectField } from "../ui/kit";

type SelectProps = Omit<ComponentProps<typeof SelectField>, "children" | "onChange" | "value">;

export function CircleSelect({
  circles,
  value,
  onChange,
  none,
  ...select
}: SelectProps & {
  circles: readonly Circle[];
  value: string;
  onChange(circleId: string): void;
  /** The label of an empty first choice, where choosing no circle is allowed. */
  none?: string;
}) {
  return (
    <SelectField {...select} value={value} onChange={(event) => onChange(event.target.value)}>
      {none !== undefined ? <option value="">{none}</option> : null}
      {circles.map((circle) => (
        <option key={circle.id} value={circle.id}>
          {circle.name}
        </option>
      ))}
    </SelectField>
  );
}

/** A select of one of `roles`, each shown by its label. */
function RoleSelect<R extends string>({
  roles,
  labelOf,
  value,
  onChange,
  ...select
}: SelectProps & {
  roles: readonly R[];
  labelOf(role: R): string;
  value: R;
  onChange(role: R): void;
}) {
  return (
    <SelectField
      {...select}
      value={value}
      onChange={(event) => {
        const role = roles.find((item) => item === event.target.value);
        if (role) onChange(role);
      }}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {labelOf(role)}
        </option>
      ))}
    </SelectField>
  );
}

export function CircleRoleSelect(
  props: SelectProps & { value: CircleRole; onChange(role: CircleRole): void },
) {
  const { t } = useTranslation();
  return <RoleSelect roles={circleRoles} labelOf={(role) => t(`circleRoles.${role}`)} {...props} />;
}

/** The pôle-wide role: coordination, member, commenter, observer. */
export function PoleRoleSelect(
  props: SelectProps & { value: PoleRole; onChange(role: PoleRole): void },
) {
  const { t } = useTranslation();
  return <RoleSelect roles={poleRoles} labelOf={(role) => t(`poleRoles.${role}`)} {...props} />;
}
