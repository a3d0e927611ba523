import type { Address } from "../api/types";
import { countryName, shippingCountries, type AddressErrors } from "../lib/checkout-form";
import { Field } from "./Field";

const lines = [
  ["recipient", "Full name", "name"],
  ["line1", "Street and number", "address-line1"],
  ["line2", "Apartment, floor (optional)", "address-line2"],
] as const;
const place = [
  ["postal_code", "Postal code", "postal-code"],
  ["city", "City", "address-level2"],
] as const;

// The fields of a delivery address, as checkout and the account page ask
// for it; the state only for the US, where taxes go by it.
export function AddressFields({
  address,
  errors,
  onChange,
  idPrefix = "",
}: {
  address: Address;
  errors: AddressErrors;
  onChange: (address: Address) => void;
  idPrefix?: string;
}) {
  const input = ([field, label, autoComplete]: readonly [keyof Address, string, string]) => (
    <Field key={field} label={label} id={`${idPrefix}${field}`} error={errors[field]}>
      <input
        id={`${idPrefix}${field}`}
        autoComplete={autoComplete}
        value={address[field] ?? ""}
        onChange={(event) => onChange({ ...address, [field]: event.target.value })}
        aria-invalid={!!errors[field]}
      />
    </Field>
  );
  return (
    <>
      {lines.map(input)}
      <div className="field-row">{place.map(input)}</div>
      <div className="field-row">
        <Field label="Country" id={`${idPrefix}country`} error={errors.country}>
          <select
            id={`${idPrefix}country`}
            autoComplete="country"
            value={address.country}
            onChange={(event) => onChange({ ...address, country: event.target.value })}
          >
            {shippingCountries
              .map((code) => ({ code, name: countryName(code) }))
              .sort((a, b) => a.name.localeCompare(b.name))
              .map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
          </select>
        </Field>
        {address.country === "US" && input(["region", "State", "address-level1"] as const)}
      </div>
    </>
  );
}
