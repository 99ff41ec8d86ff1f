/** Selects of the pôle's circles and of the roles in a circle, used by every placement form. */
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import type { Circle } from "../../shared/api/circles";
import { type CircleRole, circleRoles } from "../../shared/permissions";
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

export function CircleRoleSelect({
  value,
  onChange,
  ...select
}: SelectProps & { value: CircleRole; onChange(role: CircleRole): void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      {...select}
      value={value}
      onChange={(event) => {
        const role = circleRoles.find((item) => item === event.target.value);
        if (role) onChange(role);
      }}
    >
      {circleRoles.map((role) => (
        <option key={role} value={role}>
          {t(`circleRoles.${role}`)}
        </option>
      ))}
    </SelectField>
  );
}
